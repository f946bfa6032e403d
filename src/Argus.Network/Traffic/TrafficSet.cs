using System.Text;

namespace Argus.Network.Traffic;

/// <summary>
/// An exact set of traffic: TCP and UDP destination ports, ICMP and ICMPv6 types, and the other IP protocols as
/// whole protocols (they have no ports). Immutable; operations work component by component.
/// </summary>
public sealed record TrafficSet(PortSet Tcp, PortSet Udp, PortSet Icmp, PortSet Icmpv6, PortSet OtherProtocols)
{
    private static readonly PortSet IcmpTypes = PortSet.Range(0, 255);

    // Every protocol number but the four that have their own component.
    private static readonly PortSet Others = PortSet.Range(0, Protocols.MaxProtocol)
        .Except(PortSet.Of([(Protocols.Icmp, Protocols.Icmp), (Protocols.Tcp, Protocols.Tcp), (Protocols.Udp, Protocols.Udp), (Protocols.Icmpv6, Protocols.Icmpv6)]));

    public static readonly TrafficSet None = new(PortSet.Empty, PortSet.Empty, PortSet.Empty, PortSet.Empty, PortSet.Empty);
    public static readonly TrafficSet All = new(PortSet.AllPorts, PortSet.AllPorts, IcmpTypes, IcmpTypes, Others);

    public bool IsEmpty => Tcp.IsEmpty && Udp.IsEmpty && Icmp.IsEmpty && Icmpv6.IsEmpty && OtherProtocols.IsEmpty;

    /// <summary>
    /// What one rule allows: <paramref name="protocol"/> null for every protocol; for TCP and UDP a port range,
    /// for ICMP a type (null: every type); other protocols have no ports.
    /// </summary>
    public static TrafficSet Of(int? protocol, int? from, int? to) => protocol switch
    {
        null => All,
        Protocols.Tcp => None with { Tcp = Ports(from, to, PortSet.MaxPort) },
        Protocols.Udp => None with { Udp = Ports(from, to, PortSet.MaxPort) },
        Protocols.Icmp => None with { Icmp = Ports(from, from, 255) },
        Protocols.Icmpv6 => None with { Icmpv6 = Ports(from, from, 255) },
        var p => None with { OtherProtocols = PortSet.Single(p.Value) },
    };

    /// <summary>The traffic a query names: a protocol (null for any) and ports that apply to TCP and UDP.</summary>
    public static TrafficSet Query(int? protocol, PortSet ports) => protocol switch
    {
        null => All with { Tcp = ports, Udp = ports },
        Protocols.Tcp => None with { Tcp = ports },
        Protocols.Udp => None with { Udp = ports },
        _ => Of(protocol, null, null),
    };

    public TrafficSet Union(TrafficSet other) => new(
        Tcp.Union(other.Tcp), Udp.Union(other.Udp), Icmp.Union(other.Icmp), Icmpv6.Union(other.Icmpv6), OtherProtocols.Union(other.OtherProtocols));

    public TrafficSet Intersect(TrafficSet other) => new(
        Tcp.Intersect(other.Tcp), Udp.Intersect(other.Udp), Icmp.Intersect(other.Icmp), Icmpv6.Intersect(other.Icmpv6), OtherProtocols.Intersect(other.OtherProtocols));

    public TrafficSet Except(TrafficSet other) => new(
        Tcp.Except(other.Tcp), Udp.Except(other.Udp), Icmp.Except(other.Icmp), Icmpv6.Except(other.Icmpv6), OtherProtocols.Except(other.OtherProtocols));

    public bool IsSupersetOf(TrafficSet other) => other.Except(this).IsEmpty;

    /// <summary>The components that are not empty, as (protocol name, values) pairs: <c>("tcp", "22, 443")</c>.</summary>
    public IEnumerable<(string Protocol, PortSet Values)> Components()
    {
        if (!Tcp.IsEmpty)
        {
            yield return ("tcp", Tcp);
        }

        if (!Udp.IsEmpty)
        {
            yield return ("udp", Udp);
        }

        if (!Icmp.IsEmpty)
        {
            yield return ("icmp", Icmp);
        }

        if (!Icmpv6.IsEmpty)
        {
            yield return ("icmpv6", Icmpv6);
        }

        if (!OtherProtocols.IsEmpty)
        {
            yield return ("protocols", OtherProtocols);
        }
    }

    /// <summary><c>tcp 22, 443; udp 53</c>; <c>all traffic</c>; <c>nothing</c>.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "nothing";
        }

        if (this == All)
        {
            return "all traffic";
        }

        var text = new StringBuilder();
        foreach (var (protocol, values) in Components())
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            var full = protocol switch
            {
                "tcp" or "udp" => values.Equals(PortSet.AllPorts),
                "icmp" or "icmpv6" => values.Equals(IcmpTypes),
                _ => values.Equals(Others),
            };
            text.Append(protocol).Append(' ').Append(full ? "all" : values.ToString());
        }

        return text.ToString();
    }

    public bool Equals(TrafficSet? other) =>
        other is not null && Tcp.Equals(other.Tcp) && Udp.Equals(other.Udp) && Icmp.Equals(other.Icmp) && Icmpv6.Equals(other.Icmpv6) && OtherProtocols.Equals(other.OtherProtocols);

    public override int GetHashCode() => HashCode.Combine(Tcp, Udp, Icmp, Icmpv6, OtherProtocols);

    private static PortSet Ports(int? from, int? to, int max)
    {
        // AWS writes "every port" or "every ICMP type" as -1 or leaves the range out.
        if (from is null or < 0)
        {
            return PortSet.Range(0, max);
        }

        return PortSet.Range(Math.Min(from.Value, max), Math.Min(to is null or < 0 ? max : to.Value, max));
    }
}
