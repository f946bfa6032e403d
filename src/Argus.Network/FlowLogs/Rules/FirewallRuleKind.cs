namespace Argus.Network.FlowLogs.Rules;

public enum FirewallRuleKind : byte
{
    /// <summary>A security group rule: stateful, allow-only, on an interface.</summary>
    SecurityGroup,

    /// <summary>A network ACL entry: stateless, ordered allow/deny, on a subnet boundary.</summary>
    NetworkAcl,
}
