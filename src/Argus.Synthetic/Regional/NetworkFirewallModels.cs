namespace Argus.Synthetic.Regional;

/// <summary>An AWS Network Firewall: its VPC, one endpoint per zone in that zone's firewall subnet, and its policy.</summary>
internal sealed record NetworkFirewallModel(
    string Name,
    string Arn,
    string Id,
    VpcModel Vpc,
    IReadOnlyList<(SubnetModel Subnet, string EndpointId)> Endpoints,
    FirewallPolicyModel Policy,
    string UpdateToken,
    IReadOnlyList<Tag> Tags);

/// <summary>
/// A firewall policy: stateless groups by priority, then the stateful groups in strict order, with the policy's
/// <c>HOME_NET</c> set to the ranges it inspects for.
/// </summary>
internal sealed record FirewallPolicyModel(
    string Name,
    string Arn,
    string Id,
    string Description,
    IReadOnlyList<FirewallRuleGroupModel> Stateless,
    IReadOnlyList<FirewallRuleGroupModel> Stateful,
    IReadOnlyList<string> StatelessDefaultActions,
    IReadOnlyList<string> StatefulDefaultActions,
    IReadOnlyList<string> HomeNet,
    string UpdateToken,
    IReadOnlyList<Tag> Tags);

/// <summary>
/// A rule group; exactly one of its rule sources is set: stateless rules, stateful 5-tuple rules, or a domain list.
/// </summary>
/// <param name="Priority">Its priority in the policy that references it.</param>
internal sealed record FirewallRuleGroupModel(
    string Name,
    string Arn,
    string Id,
    bool Stateful,
    int Capacity,
    int Priority,
    string Description,
    IReadOnlyList<StatelessRuleModel> StatelessRules,
    IReadOnlyList<StatefulRuleModel> StatefulRules,
    DomainListModel? DomainList,
    string UpdateToken,
    IReadOnlyList<Tag> Tags);

/// <summary>A stateless rule: all addresses and protocols, one action (<c>aws:forward_to_sfe</c> and the like).</summary>
internal sealed record StatelessRuleModel(int Priority, IReadOnlyList<string> Sources, IReadOnlyList<string> Destinations, IReadOnlyList<int> Protocols, string Action);

/// <summary>A stateful 5-tuple rule as the API prints it (<c>Header</c> fields in upper-case keywords).</summary>
internal sealed record StatefulRuleModel(string Action, string Protocol, string Source, string SourcePort, string Direction, string Destination, string DestinationPort, int Sid);

/// <summary>A domain list: host names matched on the TLS SNI and the HTTP Host header.</summary>
internal sealed record DomainListModel(IReadOnlyList<string> Targets, IReadOnlyList<string> TargetTypes, string GeneratedRulesType);
