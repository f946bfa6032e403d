using System.Globalization;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>IP protocol numbers as flow logs write them and the names security group rules use.</summary>
public static class IpProtocols
{
    public const int All = -1;
    public const int Icmp = 1;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int IcmpV6 = 58;

    /// <summary>A rule's <c>IpProtocol</c>/<c>Protocol</c> ("tcp", "6", "-1", "icmpv6") as a number; -1 for all; null when unknown.</summary>
    public static int? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" => null,
        "-1" or "all" => All,
        "tcp" => Tcp,
        "udp" => Udp,
        "icmp" => Icmp,
        "icmpv6" or "icmp6" => IcmpV6,
        var s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 => n,
        _ => null,
    };

    public static string Name(int protocol) => protocol switch
    {
        All => "all",
        Tcp => "tcp",
        Udp => "udp",
        Icmp => "icmp",
        IcmpV6 => "icmpv6",
        50 => "esp",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Whether rules of this protocol name ports (TCP, UDP); ICMP rules name type and code instead.</summary>
    public static bool HasPorts(int protocol) => protocol is Tcp or Udp;
}
