namespace Argus.Network.Addressing;

/// <summary>Whether an address belongs to the public internet or to a private or special-purpose range.</summary>
public static class AddressScope
{
    // RFC 1918, shared address space (RFC 6598), loopback, link-local, multicast and reserved IPv4 ranges;
    // IPv6 unique-local, link-local and multicast. Anything else is reached through an internet gateway.
    private static readonly IpPrefix[] NotPublic =
    [
        IpPrefix.Parse("0.0.0.0/8"), IpPrefix.Parse("10.0.0.0/8"), IpPrefix.Parse("100.64.0.0/10"), IpPrefix.Parse("127.0.0.0/8"),
        IpPrefix.Parse("169.254.0.0/16"), IpPrefix.Parse("172.16.0.0/12"), IpPrefix.Parse("192.168.0.0/16"), IpPrefix.Parse("224.0.0.0/3"),
        IpPrefix.Parse("fc00::/7"), IpPrefix.Parse("fe80::/10"), IpPrefix.Parse("ff00::/8"), IpPrefix.Parse("::/128"), IpPrefix.Parse("::1/128"),
    ];

    /// <summary>True when every address of <paramref name="prefix"/> is public.</summary>
    public static bool IsPublic(IpPrefix prefix) => prefix.Length > 0 && !NotPublic.Any(p => p.Overlaps(prefix));
}
