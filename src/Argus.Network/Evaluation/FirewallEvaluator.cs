using Argus.Network.Addressing;
using Argus.Network.Model;
using Argus.Network.Model.Firewall;
using Argus.Network.Traffic;

namespace Argus.Network.Evaluation;

/// <summary>
/// AWS Network Firewall: stateless rule groups in priority order (first match decides: pass, drop or forward to the
/// stateful engine), the policy's stateless default actions, then stateful 5-tuple rules, in default action order
/// (every pass rule, then drop and reject; alerts never decide; unmatched traffic passes) or strict order (groups and
/// rules in order, then the strict default actions). Evaluated for every address of the source and destination
/// ranges, like network ACLs. What cannot be decided from addresses and ports (domain lists, Suricata rule strings,
/// TCP flags, client source ports, application protocols, missing documents) is possible, never certain; under
/// strict order only for the traffic that the rules before such a group leave undecided.
/// </summary>
public static class FirewallEvaluator
{
    private static readonly PortSet AllProtocols = PortSet.Range(0, Protocols.MaxProtocol);

    /// <summary>
    /// <paramref name="returning"/>: the packet is the reply of a connection whose forward traffic is
    /// <paramref name="traffic"/>; stateless rules then see it on the client's <paramref name="ephemeralPorts"/>, and
    /// the stateful engine passes it as part of a flow it already let through (<paramref name="flowSeen"/>); a reply
    /// the firewall did not see the request of (asymmetric routing) has no flow, and what becomes of it is unknown.
    /// </summary>
    public static FirewallVerdict Evaluate(NetworkModel model, NetworkFirewall firewall, IpPrefix source, IpPrefix destination, TrafficSet traffic,
        bool returning, PortSet ephemeralPorts, bool flowSeen = true)
    {
        var unknowns = new List<string>();
        if (firewall.PolicyArn is not { } policyArn || !model.FirewallPolicies.TryGetValue(policyArn, out var policy))
        {
            return Undecided($"firewall policy {firewall.PolicyArn ?? "(none)"} of {firewall.Name}: {Missing(model, firewall, "DescribeFirewallPolicy")}");
        }

        var stateless = new List<(FirewallRuleGroup Group, StatelessRule Rule)>();
        foreach (var reference in policy.StatelessGroups)
        {
            if (!model.FirewallRuleGroups.TryGetValue(reference.Arn, out var group))
            {
                return Undecided($"stateless rule group {reference.Arn} of {firewall.Name}: {Missing(model, firewall, "DescribeRuleGroup")}");
            }

            stateless.AddRange(group.StatelessRules.Select(r => (group, r)));
        }

        // In strict order the groups before the first undecidable one still decide what they match; what they leave
        // reaches that group, and is unknown. In default action order any group's pass rule may come first: all is.
        var groups = new List<FirewallRuleGroup>();
        string? statefulUnknown = null;
        foreach (var reference in policy.StrictOrder ? policy.StatefulGroups.OrderBy(r => r.Priority).ToList() : policy.StatefulGroups)
        {
            if (!model.FirewallRuleGroups.TryGetValue(reference.Arn, out var group))
            {
                statefulUnknown ??= $"stateful rule group {reference.Arn} of {firewall.Name}: {Missing(model, firewall, "DescribeRuleGroup")}";
            }
            else if (group.Undecidable is { } why)
            {
                statefulUnknown ??= $"{firewall.Name}: {why}";
            }
            else if (statefulUnknown is null || !policy.StrictOrder)
            {
                groups.Add(group);
            }
        }

        var home = HomeNet(model, firewall, policy);
        var stateful = groups.SelectMany(g => g.StatefulRules.Select(r => Resolve(g, r, policy, home, ephemeralPorts))).ToList();
        var prefixes = stateless.SelectMany(s => s.Rule.Sources.Concat(s.Rule.Destinations))
            .Concat(stateful.SelectMany(r => (r.Sources ?? []).Concat(r.Destinations ?? []))).ToList();

        TrafficSet? certain = null, possible = null;
        var rules = new List<string>();
        var ruleDrop = false;
        foreach (var from in AddressSegments.Cut(source, prefixes))
        {
            foreach (var to in AddressSegments.Cut(destination, prefixes))
            {
                var segment = new Segment(source.IsIpv6, from, to);
                var (c, p, dropped) = Segmented(segment, traffic, stateless, stateful, policy, statefulUnknown, returning ? (flowSeen ? Reply.WithFlow : Reply.WithoutFlow) : null, ephemeralPorts, rules, unknowns);
                certain = certain is null ? c : certain.Intersect(c);
                possible = possible is null ? p : possible.Intersect(p);
                ruleDrop |= dropped;
            }
        }

        return new FirewallVerdict(new TrafficBounds(certain ?? TrafficSet.None, possible ?? TrafficSet.None), rules, [.. unknowns.Distinct()], ruleDrop);
    }

    private static (TrafficSet Certain, TrafficSet Possible, bool RuleDrop) Segmented(Segment segment, TrafficSet traffic,
        List<(FirewallRuleGroup Group, StatelessRule Rule)> stateless, List<ResolvedRule> stateful, FirewallPolicy policy, string? statefulUnknown,
        Reply? reply, PortSet ephemeral, List<string> rules, List<string> unknowns)
    {
        var returning = reply is not null;
        var remaining = traffic;
        var passed = TrafficSet.None;
        var forwarded = TrafficSet.None;
        var tainted = TrafficSet.None;
        var ruleDrop = false;
        foreach (var (group, rule) in stateless)
        {
            if (remaining.IsEmpty)
            {
                break;
            }

            if (!Covers(rule.Sources.Count == 0 ? null : rule.Sources, segment.IsIpv6, segment.From)
                || !Covers(rule.Destinations.Count == 0 ? null : rule.Destinations, segment.IsIpv6, segment.To))
            {
                continue;
            }

            var (match, partial) = StatelessMatch(rule, returning, ephemeral);
            var matched = remaining.Intersect(match);
            if (matched.IsEmpty)
            {
                continue;
            }

            var text = $"stateless {group.Name} {rule}";
            Add(rules, text);
            if (partial)
            {
                tainted = tainted.Union(matched);
                unknowns.Add($"{text} matches on {(rule.TcpFlags ? "TCP flags" : "the client's ephemeral port")}: whether it applies to {matched} is not known");
                continue;
            }

            switch (rule.Action)
            {
                case "aws:pass": passed = passed.Union(matched); break;
                case "aws:forward_to_sfe": forwarded = forwarded.Union(matched); break;
                default: ruleDrop = true; break;
            }

            remaining = remaining.Except(matched);
        }

        if (!remaining.IsEmpty)
        {
            var action = policy.StatelessDefaultActions.FirstOrDefault(a => a is "aws:pass" or "aws:drop" or "aws:forward_to_sfe") ?? "aws:drop";
            Add(rules, $"stateless default {action}");
            if (action == "aws:pass")
            {
                passed = passed.Union(remaining);
            }
            else if (action == "aws:forward_to_sfe")
            {
                forwarded = forwarded.Union(remaining);
            }
        }

        var (statefulCertain, statefulPossible, statefulDrop) = reply switch
        {
            Reply.WithFlow => (forwarded, forwarded, false),
            Reply.WithoutFlow when !forwarded.IsEmpty => NoFlow(forwarded, unknowns),
            Reply.WithoutFlow => (TrafficSet.None, TrafficSet.None, false),
            _ => Stateful(segment, forwarded, stateful, policy, statefulUnknown, rules, unknowns),
        };
        return (passed.Union(statefulCertain).Except(tainted), passed.Union(statefulPossible).Union(tainted), ruleDrop || statefulDrop);
    }

    private static (TrafficSet Certain, TrafficSet Possible, bool RuleDrop) NoFlow(TrafficSet forwarded, List<string> unknowns)
    {
        unknowns.Add($"the reply ({forwarded}) reaches the stateful engine of a firewall the request did not cross (asymmetric routing): it has no flow for it, and whether it passes is not known");
        return (TrafficSet.None, forwarded, false);
    }

    private enum Reply
    {
        WithFlow,
        WithoutFlow,
    }

    private static (TrafficSet Certain, TrafficSet Possible, bool RuleDrop) Stateful(Segment segment, TrafficSet forwarded, List<ResolvedRule> rules,
        FirewallPolicy policy, string? statefulUnknown, List<string> deciding, List<string> unknowns)
    {
        if (forwarded.IsEmpty)
        {
            return (TrafficSet.None, TrafficSet.None, false);
        }

        if (statefulUnknown is not null && !policy.StrictOrder)
        {
            unknowns.Add(statefulUnknown);
            return (TrafficSet.None, forwarded, false);
        }

        // Default action order: every pass rule first, then drops and rejects; strict order: as written.
        var ordered = policy.StrictOrder
            ? rules.Where(r => r.Rule.Action != "ALERT").ToList()
            : [.. rules.Where(r => r.Rule.Action == "PASS"), .. rules.Where(r => r.Rule.Action is "DROP" or "REJECT")];
        var remaining = forwarded;
        var passed = TrafficSet.None;
        var tainted = TrafficSet.None;
        var ruleDrop = false;
        foreach (var rule in ordered)
        {
            if (remaining.IsEmpty)
            {
                break;
            }

            var matched = remaining.Intersect(rule.Match(segment));
            if (matched.IsEmpty)
            {
                continue;
            }

            var text = $"stateful {rule.Group.Name} {rule.Rule}";
            Add(deciding, text);
            if (rule.Partial is { } why)
            {
                tainted = tainted.Union(matched);
                unknowns.Add($"{text}: {why}, so whether it applies to {matched} is not known");
                continue;
            }

            if (rule.Rule.Action == "PASS")
            {
                passed = passed.Union(matched);
            }
            else
            {
                ruleDrop = true;
            }

            remaining = remaining.Except(matched);
        }

        if (!remaining.IsEmpty && statefulUnknown is not null)
        {
            unknowns.Add(statefulUnknown);
            return (passed.Except(tainted), passed.Union(tainted).Union(remaining), ruleDrop);
        }

        if (!remaining.IsEmpty)
        {
            var drop = policy.StrictOrder && policy.StatefulDefaultActions.Any(a => a is "aws:drop_strict" or "aws:drop_established");
            Add(deciding, drop ? $"stateful default {string.Join(", ", policy.StatefulDefaultActions)}" : "stateful: no rule matched, passes");
            if (!drop)
            {
                passed = passed.Union(remaining);
            }
        }

        return (passed.Except(tainted), passed.Union(tainted), ruleDrop);
    }

    /// <summary>
    /// What a stateless rule matches, in terms of the connection's forward traffic. A forward packet leaves the
    /// client from an ephemeral port, so the rule's source ports decide for every client (they hold every ephemeral
    /// port or none of them) or only for some (partial). A reply comes from the forward destination port, so its
    /// source ports are the forward ports, and its destination is the client's ephemeral port.
    /// </summary>
    private static (TrafficSet Match, bool Partial) StatelessMatch(StatelessRule rule, bool returning, PortSet ephemeral)
    {
        var (service, client) = returning ? (rule.SourcePorts, rule.DestinationPorts) : (rule.DestinationPorts, rule.SourcePorts);
        var match = Build(rule.Protocols, service);
        return ClientPorts(client, ephemeral) switch
        {
            true => (match, rule.TcpFlags),
            false => (match with { Tcp = PortSet.Empty, Udp = PortSet.Empty }, rule.TcpFlags),
            null => (match, true),
        };
    }

    /// <summary>True when the ports hold every ephemeral port, false when none, null when some.</summary>
    private static bool? ClientPorts(PortSet ports, PortSet ephemeral) =>
        ports.IsSupersetOf(ephemeral) ? true : ports.Intersect(ephemeral).IsEmpty ? false : null;

    /// <summary>Traffic of the given protocols (null: all), with <paramref name="ports"/> for TCP and UDP.</summary>
    internal static TrafficSet Build(PortSet? protocols, PortSet ports) => new(
        protocols is null || protocols.Contains(Protocols.Tcp) ? ports : PortSet.Empty,
        protocols is null || protocols.Contains(Protocols.Udp) ? ports : PortSet.Empty,
        protocols is null || protocols.Contains(Protocols.Icmp) ? TrafficSet.All.Icmp : PortSet.Empty,
        protocols is null || protocols.Contains(Protocols.Icmpv6) ? TrafficSet.All.Icmpv6 : PortSet.Empty,
        protocols is null ? TrafficSet.All.OtherProtocols : protocols.Intersect(TrafficSet.All.OtherProtocols));

    private static bool Covers(IReadOnlyList<IpPrefix>? prefixes, bool ipv6, (UInt128 First, UInt128 Last) segment) =>
        prefixes is null || prefixes.Any(p => AddressSegments.Covers(p, ipv6, segment));

    private static void Add(List<string> list, string text)
    {
        if (!list.Contains(text))
        {
            list.Add(text);
        }
    }

    private static FirewallVerdict Undecided(string why) => new(new TrafficBounds(TrafficSet.None, TrafficSet.All), [], [why], false);

    private static string Missing(NetworkModel model, NetworkFirewall firewall, string operation) =>
        model.Coverage.Missing(firewall.Scope.Account, firewall.Scope.Region, "network-firewall", operation)
        ?? $"not in the snapshot (network-firewall:{operation}) in account {firewall.Scope.Account} {firewall.Scope.Region}";

    /// <summary><c>HOME_NET</c>: the policy's variable when set, else the firewall's VPC ranges, as AWS defaults it.</summary>
    private static IReadOnlyList<string> HomeNet(NetworkModel model, NetworkFirewall firewall, FirewallPolicy policy) =>
        policy.IpSets.TryGetValue("HOME_NET", out var set) ? set
            : model.Vpcs.TryGetValue(firewall.VpcId, out var vpc) ? [.. vpc.Cidrs.Select(c => c.ToString())] : [];

    private static ResolvedRule Resolve(FirewallRuleGroup group, StatefulRule rule, FirewallPolicy policy, IReadOnlyList<string> home, PortSet ephemeral)
    {
        var protocol = rule.Protocol.ToUpperInvariant();
        PortSet? protocols = protocol switch
        {
            "IP" => null,
            "TCP" => PortSet.Single(Protocols.Tcp),
            "UDP" => PortSet.Single(Protocols.Udp),
            "ICMP" => PortSet.Of([(Protocols.Icmp, Protocols.Icmp), (Protocols.Icmpv6, Protocols.Icmpv6)]),
            _ => PortSet.Of([(Protocols.Tcp, Protocols.Tcp), (Protocols.Udp, Protocols.Udp)]),
        };
        string? partial = protocol is "IP" or "TCP" or "UDP" or "ICMP" ? null : $"protocol {rule.Protocol} is recognised from the payload";
        var sources = StatefulSyntax.Addresses(rule.Source, group, policy, home);
        var destinations = StatefulSyntax.Addresses(rule.Destination, group, policy, home);
        var sourcePorts = StatefulSyntax.Ports(rule.SourcePort, group);
        var destinationPorts = StatefulSyntax.Ports(rule.DestinationPort, group);
        if (!sources.Ok || !destinations.Ok || sourcePorts is null || destinationPorts is null)
        {
            return new ResolvedRule(group, rule, null, null, Build(protocols, PortSet.AllPorts), null, $"its addresses or ports ({rule.Source} {rule.SourcePort} {rule.Destination} {rule.DestinationPort}) use syntax Argus does not evaluate");
        }

        // A forward packet matches on its destination port and leaves the client from an ephemeral port; direction
        // ANY also matches the packet reversed, the rule's source port then being the service's.
        var forward = Build(protocols, destinationPorts);
        var clientForward = ClientPorts(sourcePorts, ephemeral);
        partial ??= clientForward is null ? $"it matches the client's source port {sourcePorts}" : null;
        var reverse = rule.Bidirectional ? Build(protocols, sourcePorts) : null;
        var clientReverse = ClientPorts(destinationPorts, ephemeral);
        partial ??= reverse is not null && clientReverse is null ? $"in direction ANY it matches the client's port {destinationPorts}" : null;
        forward = clientForward == false ? forward with { Tcp = PortSet.Empty, Udp = PortSet.Empty } : forward;
        reverse = reverse is not null && clientReverse == false ? reverse with { Tcp = PortSet.Empty, Udp = PortSet.Empty } : reverse;
        return new ResolvedRule(group, rule, sources.Prefixes, destinations.Prefixes, forward, reverse, partial);
    }

    private readonly record struct Segment(bool IsIpv6, (UInt128 First, UInt128 Last) From, (UInt128 First, UInt128 Last) To);

    /// <summary>A stateful rule with its variables resolved; null address lists match every address.</summary>
    private sealed record ResolvedRule(FirewallRuleGroup Group, StatefulRule Rule, IReadOnlyList<IpPrefix>? Sources, IReadOnlyList<IpPrefix>? Destinations,
        TrafficSet Forward, TrafficSet? Reverse, string? Partial)
    {
        public TrafficSet Match(Segment segment)
        {
            var match = Covers(Sources, segment.IsIpv6, segment.From) && Covers(Destinations, segment.IsIpv6, segment.To) ? Forward : TrafficSet.None;
            if (Reverse is not null && Covers(Destinations, segment.IsIpv6, segment.From) && Covers(Sources, segment.IsIpv6, segment.To))
            {
                match = match.Union(Reverse);
            }

            return match;
        }
    }
}
