using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>
/// Decides whether a used security group rule is far broader than its traffic and proposes the tighter rules
/// that would carry the same traffic: the protocols and ports seen, and the peers seen, grouped into the
/// smallest block per /24 (IPv4) or /64 (IPv6) when several share one.
/// </summary>
public static class TighterRuleSuggester
{
    /// <summary>The tighter rules, or an empty list when the rule is not over-broad (or its traffic too varied to say).</summary>
    public static IReadOnlyList<SuggestedRule> Suggest(RuleStats stats, RuleUsageOptions options)
    {
        var rule = stats.Rule;
        if (rule.Kind != FirewallRuleKind.SecurityGroup || stats.Hits == 0 || stats.UsageCapped || stats.Usage.Count == 0)
        {
            return [];
        }

        var cidr = rule.Peer.Cidr;
        var peers = Aggregate(stats.Usage.Select(u => u.Peer).Distinct());
        var broadByAddress = cidr is { } c
            && c.HostBits >= (c.IsV6 ? options.BroadIpv6HostBits : options.BroadIpv4HostBits)
            && peers.Count <= options.MaxSuggestedCidrs;
        var ports = stats.Usage.Where(u => u.Port >= 0).Select(u => u.Port).Distinct().Count();
        var protocols = stats.Usage.Select(u => u.Protocol).Distinct().ToList();
        var broadByPort = rule.PortCount >= options.BroadPortCount && ports <= options.MaxSuggestedPorts
            && (rule.Protocol != IpProtocols.All || protocols.All(p => IpProtocols.HasPorts(p) || p is IpProtocols.Icmp or IpProtocols.IcmpV6));
        if (!broadByAddress && !broadByPort)
        {
            return [];
        }

        var suggestions = new List<SuggestedRule>();
        foreach (var byProtocol in stats.Usage.GroupBy(u => u.Protocol).OrderBy(g => g.Key))
        {
            var portGroups = broadByPort
                ? byProtocol.GroupBy(u => u.Port).OrderBy(g => g.Key).Select(g => (From: g.Key, To: g.Key, Items: g.ToList()))
                : [(From: rule.Protocol == IpProtocols.All ? -1 : rule.FromPort, To: rule.Protocol == IpProtocols.All ? -1 : rule.ToPort, Items: byProtocol.ToList())];
            foreach (var (from, to, items) in portGroups)
            {
                var sources = broadByAddress
                    ? Aggregate(items.Select(i => i.Peer).Distinct()).Select(p => p.ToString()).ToList()
                    : [rule.Peer.Text];
                suggestions.Add(new SuggestedRule(byProtocol.Key, IpProtocols.HasPorts(byProtocol.Key) ? from : -1, IpProtocols.HasPorts(byProtocol.Key) ? to : -1, sources));
            }
        }

        return suggestions;
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
}
