using System.Globalization;
using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Parsing;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// One security group rule (one source or destination of an <c>IpPermission</c>, as AWS's SecurityGroupRule) or
/// one network ACL entry, with a match predicate on (peer address, protocol, port). Its <see cref="Id"/> is the
/// <c>sgr-...</c> id when the snapshot has it, else a readable composite key that stays the same across snapshots.
/// </summary>
public sealed class FirewallRule
{
    public required string Id { get; init; }

    /// <summary>The composite key (<c>sg-1/ingress/tcp/22-22/0.0.0.0/0</c>, <c>acl-1/egress/100</c>), even when <see cref="Id"/> is an sgr id.</summary>
    public required string Key { get; init; }

    public required FirewallRuleKind Kind { get; init; }

    /// <summary>The security group or network ACL holding the rule.</summary>
    public required string OwnerId { get; init; }

    public required string Account { get; init; }

    public required string Region { get; init; }

    public string? VpcId { get; init; }

    public required FlowDirection Direction { get; init; }

    /// <summary>IP protocol number, or -1 for all.</summary>
    public required int Protocol { get; init; }

    /// <summary>First port (TCP/UDP) or ICMP type; -1 for all.</summary>
    public int FromPort { get; init; } = -1;

    /// <summary>Last port (TCP/UDP) or ICMP code; -1 for all.</summary>
    public int ToPort { get; init; } = -1;

    public required RulePeer Peer { get; init; }

    /// <summary>False only for network ACL deny entries.</summary>
    public bool Allow { get; init; } = true;

    /// <summary>A network ACL entry's rule number (evaluation order); 0 for security group rules.</summary>
    public int RuleNumber { get; init; }

    public string? Description { get; init; }

    /// <summary>The default network ACL entry (rule number 32767, "*"), which cannot be removed.</summary>
    public bool IsDefaultEntry => Kind == FirewallRuleKind.NetworkAcl && RuleNumber == 32767;

    /// <summary>Ports the rule covers (65,536 for all); 0 for protocols without ports.</summary>
    public int PortCount => Protocol == IpProtocols.All || (IpProtocols.HasPorts(Protocol) && FromPort < 0)
        ? 65536
        : IpProtocols.HasPorts(Protocol) ? ToPort - FromPort + 1 : 0;

    /// <summary>Whether traffic of this protocol to this port from or to this peer falls under the rule.</summary>
    public bool Matches(IpAddress128 peer, int protocol, int port)
    {
        if (Protocol != IpProtocols.All)
        {
            if (Protocol != protocol)
            {
                return false;
            }

            // Flow logs carry no ICMP type or code (ports are 0), so an ICMP rule matches any ICMP flow.
            if (IpProtocols.HasPorts(Protocol) && FromPort >= 0 && (port < FromPort || port > ToPort))
            {
                return false;
            }
        }

        return Peer.Matches(peer);
    }

    /// <summary>"tcp 22", "tcp 1024-65535", "icmp 8/0", "all".</summary>
    public string ProtocolAndPorts => Protocol == IpProtocols.All
        ? "all"
        : !IpProtocols.HasPorts(Protocol)
            ? FromPort < 0 ? IpProtocols.Name(Protocol) : string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}/{ToPort}")
            : FromPort < 0 || (FromPort == 0 && ToPort == 65535) ? $"{IpProtocols.Name(Protocol)} all" : FromPort == ToPort
                ? string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}")
                : string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}-{ToPort}");

    /// <summary>A one-line description: "sg-1 ingress tcp 22 from 0.0.0.0/0".</summary>
    public override string ToString() =>
        Kind == FirewallRuleKind.NetworkAcl
            ? string.Create(CultureInfo.InvariantCulture, $"{OwnerId} {(Direction == FlowDirection.Ingress ? "inbound" : "outbound")} #{RuleNumber} {(Allow ? "allow" : "deny")} {ProtocolAndPorts} {(Direction == FlowDirection.Ingress ? "from" : "to")} {Peer.Text}")
            : $"{OwnerId} {(Direction == FlowDirection.Ingress ? "ingress" : "egress")} {ProtocolAndPorts} {(Direction == FlowDirection.Ingress ? "from" : "to")} {Peer.Text}";
}
