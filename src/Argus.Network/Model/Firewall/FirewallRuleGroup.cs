namespace Argus.Network.Model.Firewall;

/// <summary>
/// A rule group: stateless rules in priority order, or stateful 5-tuple rules in their order. Domain lists and
/// Suricata rule strings decide on what addresses do not show (host names, payloads): <see cref="Undecidable"/> says
/// so, and a path through such a group is unknown.
/// </summary>
public sealed record FirewallRuleGroup(
    string Arn,
    string Name,
    bool Stateful,
    IReadOnlyList<StatelessRule> StatelessRules,
    IReadOnlyList<StatefulRule> StatefulRules,
    IReadOnlyDictionary<string, IReadOnlyList<string>> IpSets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PortSets,
    string? Undecidable);
