namespace Argus.Network.Model.Firewall;

/// <summary>
/// A firewall policy: its stateless and stateful rule groups, what happens to packets no stateless rule matched
/// (<c>aws:pass</c>, <c>aws:drop</c>, <c>aws:forward_to_sfe</c>), the stateful rule order (default action order or
/// strict) with strict order's default actions, and the policy's IP set variables (<c>HOME_NET</c>).
/// </summary>
public sealed record FirewallPolicy(
    string Arn,
    string Name,
    IReadOnlyList<FirewallGroupReference> StatelessGroups,
    IReadOnlyList<FirewallGroupReference> StatefulGroups,
    IReadOnlyList<string> StatelessDefaultActions,
    IReadOnlyList<string> StatefulDefaultActions,
    bool StrictOrder,
    IReadOnlyDictionary<string, IReadOnlyList<string>> IpSets);
