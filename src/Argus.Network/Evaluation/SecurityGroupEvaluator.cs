using Argus.Network.Addressing;
using Argus.Network.Model;
using Argus.Network.Traffic;

namespace Argus.Network.Evaluation;

/// <summary>
/// Security groups: stateful, allow-only, the union of every rule of every group on the interface. Peers are
/// matched by CIDR, prefix list (its entries) or group membership. Prefix lists or groups the snapshot does not
/// hold widen the possible set without adding to the certain one.
/// </summary>
public static class SecurityGroupEvaluator
{
    /// <summary>
    /// What the groups of <paramref name="eni"/> allow to or from <paramref name="peer"/>, within <paramref name="traffic"/>.
    /// Group references match only when <paramref name="referencesApply"/> (same VPC, a peering, or a transit gateway
    /// with security group referencing).
    /// </summary>
    public static FilterResult Evaluate(NetworkModel model, NetworkInterface eni, bool inbound, Peer peer, bool referencesApply, TrafficSet traffic)
    {
        if (model.Coverage.Missing(eni.Scope.Account, eni.Scope.Region, "ec2", "DescribeSecurityGroups") is { } missing)
        {
            return FilterResult.Unknown($"security groups of {eni.Id}: {missing}");
        }

        return EvaluateGroups(model, eni.SecurityGroups, eni.Id, inbound, peer, referencesApply, traffic);
    }

    /// <summary>The same evaluation over an explicit list of groups (a load balancer's).</summary>
    public static FilterResult EvaluateGroups(NetworkModel model, IReadOnlyList<string> groups, string owner, bool inbound, Peer peer, bool referencesApply, TrafficSet traffic)
    {
        var rules = new List<SecurityGroupRule>();
        var unknowns = new List<string>();
        var possibleExtra = TrafficSet.None;
        foreach (var id in groups)
        {
            if (model.SecurityGroups.TryGetValue(id, out var group))
            {
                rules.AddRange(inbound ? group.Inbound : group.Outbound);
            }
            else
            {
                unknowns.Add($"security group {id} of {owner} is not in the snapshot");
                possibleExtra = TrafficSet.All;
            }
        }

        return Evaluate(model, rules, peer, referencesApply, traffic, unknowns, possibleExtra);
    }

    private static FilterResult Evaluate(NetworkModel model, List<SecurityGroupRule> rules, Peer peer, bool referencesApply, TrafficSet traffic, List<string> unknowns, TrafficSet possibleExtra)
    {
        // Rules whose peer is fixed for the whole range: group references (the interface is the whole peer).
        var always = TrafficSet.None;
        var alwaysRules = new List<string>();
        var ranged = new List<(IpPrefix Prefix, TrafficSet Traffic, string Text)>();
        foreach (var rule in rules)
        {
            if (rule.GroupId is { } group)
            {
                if (referencesApply && peer.Interface is { } source && source.SecurityGroups.Contains(group) && !rule.Traffic.Intersect(traffic).IsEmpty)
                {
                    always = always.Union(rule.Traffic);
                    alwaysRules.Add(rule.Text);
                }
            }
            else if (rule.Cidr is { } cidr)
            {
                ranged.Add((cidr, rule.Traffic, rule.Text));
            }
            else if (rule.PrefixListId is { } list)
            {
                if (model.PrefixLists.GetValueOrDefault(list).Entries is { } entries)
                {
                    ranged.AddRange(entries.Select(e => (e, rule.Traffic, $"{rule.Text} ({e})")));
                }
                else if (!rule.Traffic.Intersect(traffic).IsEmpty)
                {
                    unknowns.Add($"prefix list {list}: entries not collected (ec2:GetManagedPrefixListEntries)");
                    possibleExtra = possibleExtra.Union(rule.Traffic);
                }
            }
        }

        var relevant = ranged.Where(r => r.Prefix.Overlaps(peer.Range) && !r.Traffic.Intersect(traffic).IsEmpty).ToList();
        TrafficSet? allowedEverywhere = null;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in AddressSegments.Cut(peer.Range, relevant.Select(r => r.Prefix)))
        {
            var here = TrafficSet.None;
            foreach (var rule in relevant)
            {
                if (AddressSegments.Covers(rule.Prefix, peer.Range.IsIpv6, segment))
                {
                    here = here.Union(rule.Traffic);
                    used.Add(rule.Text);
                }
            }

            allowedEverywhere = allowedEverywhere is null ? here : allowedEverywhere.Intersect(here);
        }

        var certain = always.Union(allowedEverywhere ?? TrafficSet.None).Intersect(traffic);
        var possible = certain.Union(possibleExtra.Intersect(traffic));
        var allowedBy = alwaysRules.Concat(used.Where(u => relevant.Any(r => r.Text == u && !r.Traffic.Intersect(certain).IsEmpty))).Distinct().ToList();
        return new FilterResult(new TrafficBounds(certain, possible), allowedBy, unknowns);
    }
}
