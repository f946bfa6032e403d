namespace Argus.Network.Traffic;

/// <summary>IANA protocol numbers the engine treats specially, and how AWS writes protocols in rules.</summary>
public static class Protocols
{
    public const int Icmp = 1;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int Icmpv6 = 58;
    public const int MaxProtocol = 255;

    /// <summary>
    /// A protocol as security group and network ACL rules write it: <c>-1</c> or <c>all</c> (null: every protocol),
    /// a name (<c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>) or a number.
    /// </summary>
    public static int? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        null or "-1" or "all" or "any" => null,
        "tcp" => Tcp,
        "udp" => Udp,
        "icmp" => Icmp,
        "icmpv6" or "58" => Icmpv6,
        var n when int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= MaxProtocol => number,
        _ => throw new FormatException($"'{text}' is not a protocol (tcp, udp, icmp, icmpv6, a number from 0 to 255, or -1 for all)"),
    };

    public static string Name(int protocol) => protocol switch
    {
        Tcp => "tcp",
        Udp => "udp",
        Icmp => "icmp",
        Icmpv6 => "icmpv6",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
