using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// A network interface as attribution needs it: its addresses, and the rules that apply to it, flattened so the
/// hot path walks arrays: its security groups' rules by direction, and its subnet's network ACL entries in
/// evaluation order.
/// </summary>
public sealed class InterfaceFacts
{
    public required string Id { get; init; }

    public required string Account { get; init; }

    public required string Region { get; init; }

    public string? VpcId { get; init; }

    public string? SubnetId { get; init; }

    /// <summary><c>interface</c>, <c>nat_gateway</c>, <c>network_load_balancer</c> ... as DescribeNetworkInterfaces says.</summary>
    public string? InterfaceType { get; init; }

    public string? Description { get; init; }

    /// <summary>Its private IPv4 and IPv6 addresses: what flow logs show as its side of a flow.</summary>
    public required IpAddress128[] Addresses { get; init; }

    public required string[] SecurityGroupIds { get; init; }

    public required FirewallRule[] IngressRules { get; init; }

    public required FirewallRule[] EgressRules { get; init; }

    /// <summary>Inbound entries of the subnet's network ACL, by rule number.</summary>
    public required FirewallRule[] AclInbound { get; init; }

    /// <summary>Outbound entries of the subnet's network ACL, by rule number.</summary>
    public required FirewallRule[] AclOutbound { get; init; }

    /// <summary>The subnet's CIDR blocks: traffic within them does not cross the network ACL.</summary>
    public required IpCidr[] SubnetCidrs { get; init; }

    /// <summary>Dense index for per-interface counters.</summary>
    public int Index { get; init; }

    /// <summary>
    /// In a <see cref="TimelineRuleModel"/>, the interface's facts in each stretch of time they held (its groups and
    /// rules changed between snapshots); null when they never changed or the model is one snapshot.
    /// </summary>
    internal InterfaceVersions? Versions { get; init; }

    /// <summary>Dense index of this version's rule tables in the analyzer; <see cref="Index"/> unless versions differ.</summary>
    internal int TableIndex
    {
        get => tableIndex < 0 ? Index : tableIndex;
        init => tableIndex = value;
    }

    private readonly int tableIndex = -1;

    public bool Owns(IpAddress128 address)
    {
        foreach (var a in Addresses)
        {
            if (a == address)
            {
                return true;
            }
        }

        return false;
    }

    public bool InSubnet(IpAddress128 address)
    {
        foreach (var c in SubnetCidrs)
        {
            if (c.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
