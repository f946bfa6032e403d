using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>
/// Decides whether a used security group rule or network ACL allow entry is far broader than its traffic and
/// proposes the tighter rules that would carry the same traffic: the protocols and ports seen, and the peers
/// seen, grouped into the smallest block per /24 (IPv4) or /64 (IPv6) when several share one. A network ACL is
/// stateless, so its entries also carry replies: those go to the initiator's ephemeral ports, which are kept as
/// one range (1024-65535) rather than listed, and the suggested entries keep the broad entry's rule number.
/// </summary>
public static class TighterRuleSuggester
{
    /// <summary>The tighter rules, or an empty list when the rule is not over-broad (or its traffic too varied to say).</summary>
    /// <param name="takenRuleNumbers">For a network ACL entry, the rule numbers its ACL already uses in that direction.</param>
    public static IReadOnlyList<SuggestedRule> Suggest(RuleStats stats, RuleUsageOptions options, IReadOnlySet<int>? takenRuleNumbers = null)
    {
        var rule = stats.Rule;
        var acl = rule.Kind == FirewallRuleKind.NetworkAcl;
        if ((acl && (!rule.Allow || rule.IsDefaultEntry)) || stats.Hits == 0 || stats.UsageCapped || stats.Usage.Count == 0)
        {
            return [];
        }

        var cidr = rule.Peer.Cidr;
        var peers = Aggregate(stats.Usage.Select(u => u.Peer).Distinct());
        var broadByAddress = cidr is { } c
            && c.HostBits >= (c.IsV6 ? options.BroadIpv6HostBits : options.BroadIpv4HostBits)
            && peers.Count <= options.MaxSuggestedCidrs;
        var portRanges = stats.Usage.Where(u => u.Port >= 0).Select(u => (u.Protocol, Range: RangeOf(u))).Distinct().ToList();
        var protocols = stats.Usage.Select(u => u.Protocol).Distinct().ToList();
        var broadByPort = rule.PortCount >= options.BroadPortCount && portRanges.Select(p => p.Range).Distinct().Count() <= options.MaxSuggestedPorts
            && (rule.Protocol != IpProtocols.All || protocols.All(p => IpProtocols.HasPorts(p) || p is IpProtocols.Icmp or IpProtocols.IcmpV6))
            && (rule.Protocol == IpProtocols.All || portRanges.Sum(p => p.Range.To - p.Range.From + 1) < rule.PortCount);
        if (!broadByAddress && !broadByPort)
        {
            return [];
        }

        var suggestions = new List<SuggestedRule>();
        foreach (var byProtocol in stats.Usage.GroupBy(u => u.Protocol).OrderBy(g => g.Key))
        {
            var portGroups = broadByPort
                ? byProtocol.GroupBy(RangeOf).OrderBy(g => g.Key.From).Select(g => (g.Key.From, g.Key.To, Items: g.ToList()))
                : [(From: rule.Protocol == IpProtocols.All ? -1 : rule.FromPort, To: rule.Protocol == IpProtocols.All ? -1 : rule.ToPort, Items: byProtocol.ToList())];
            foreach (var (from, to, items) in portGroups)
            {
                var sources = broadByAddress
                    ? Aggregate(items.Select(i => i.Peer).Distinct()).Select(p => p.ToString()).ToList()
                    : [rule.Peer.Text];
                suggestions.Add(new SuggestedRule(byProtocol.Key, IpProtocols.HasPorts(byProtocol.Key) ? from : -1, IpProtocols.HasPorts(byProtocol.Key) ? to : -1, sources)
                {
                    ForReplies = acl && items.All(i => i.Reply),
                });
            }
        }

        return acl ? Number(suggestions, rule.RuleNumber, takenRuleNumbers ?? new HashSet<int>()) : suggestions;
    }

    /// <summary>Peers as CIDR blocks: single hosts, or the smallest block holding the peers of one /24 (/64).</summary>
    public static IReadOnlyList<IpCidr> Aggregate(IEnumerable<IpAddress128> peers) =>
        [.. peers
            .GroupBy(p => new IpCidr(p, p.IsV6 ? 64 : 24))
            .Select(g =>
            {
                var sorted = g.Order().ToList();
                return IpCidr.Covering(sorted[0], sorted[^1]);
            })
            .OrderBy(c => c.Network)];

    private static (int From, int To) RangeOf(UsageTuple u) =>
        u.Reply && u.Port == RuleStats.EphemeralFrom ? (RuleStats.EphemeralFrom, 65535) : (u.Port, u.Port);

    /// <summary>The first entry keeps the broad entry's number (its place in the evaluation order); the others take the next free numbers.</summary>
    private static List<SuggestedRule> Number(List<SuggestedRule> suggestions, int ruleNumber, IReadOnlySet<int> taken)
    {
        var numbered = new List<SuggestedRule>(suggestions.Count);
        var next = ruleNumber;
        foreach (var s in suggestions)
        {
            numbered.Add(s with { RuleNumber = next });
            do
            {
                next++;
            }
            while (taken.Contains(next) && next < 32766);
        }

        return numbered;
    }
}
