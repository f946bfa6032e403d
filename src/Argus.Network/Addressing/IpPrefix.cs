using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Argus.Network.Addressing;

/// <summary>
/// An IPv4 or IPv6 prefix (a single address is a /32 or /128). Addresses are held as 128-bit numbers so that
/// containment and ordering are integer comparisons; IPv4 and IPv6 never contain each other.
/// </summary>
public readonly record struct IpPrefix(bool IsIpv6, UInt128 Network, int Length) : IComparable<IpPrefix>
{
    public static readonly IpPrefix AnyIpv4 = new(false, UInt128.Zero, 0);
    public static readonly IpPrefix AnyIpv6 = new(true, UInt128.Zero, 0);

    public int MaxLength => IsIpv6 ? 128 : 32;

    public bool IsAddress => Length == MaxLength;

    /// <summary>The first address of the prefix.</summary>
    public UInt128 First => Network;

    /// <summary>The last address of the prefix.</summary>
    public UInt128 Last => Network | HostMask(IsIpv6, Length);

    public static IpPrefix Parse(string text) =>
        TryParse(text, out var prefix) ? prefix : throw new FormatException($"'{text}' is not an IP address or CIDR block");

    /// <summary>Parses <c>10.0.0.0/16</c>, <c>10.0.0.5</c>, <c>2001:db8::/56</c>; host bits are cleared, as AWS does.</summary>
    public static bool TryParse(string? text, out IpPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }

        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var max = v6 ? 128 : 32;
        var length = max;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max))
        {
            return false;
        }

        var value = ToNumber(address);
        prefix = new IpPrefix(v6, value & ~HostMask(v6, length), length);
        return true;
    }

    public static IpPrefix Address(bool ipv6, UInt128 value) => new(ipv6, value, ipv6 ? 128 : 32);

    public bool Contains(IpPrefix other) =>
        IsIpv6 == other.IsIpv6 && Length <= other.Length && (other.Network & ~HostMask(IsIpv6, Length)) == Network;

    public bool Overlaps(IpPrefix other) => IsIpv6 == other.IsIpv6 && (Contains(other) || other.Contains(this));

    public int CompareTo(IpPrefix other) =>
        IsIpv6 != other.IsIpv6 ? IsIpv6.CompareTo(other.IsIpv6)
        : Network != other.Network ? Network.CompareTo(other.Network)
        : Length.CompareTo(other.Length);

    public override string ToString()
    {
        var text = FormatAddress(IsIpv6, Network);
        return IsAddress ? text : text + "/" + Length.ToString(CultureInfo.InvariantCulture);
    }

    public static string FormatAddress(bool ipv6, UInt128 value)
    {
        if (!ipv6)
        {
            var v = (uint)value;
            return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}");
        }

        Span<byte> bytes = stackalloc byte[16];
        for (var i = 15; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }

        return new IPAddress(bytes).ToString();
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 value = 0;
        for (var i = 0; i < written; i++)
        {
            value = (value << 8) | bytes[i];
        }

        return value;
    }

    internal static UInt128 HostMask(bool ipv6, int length)
    {
        var bits = (ipv6 ? 128 : 32) - length;
        return bits == 0 ? UInt128.Zero : bits >= 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
    }
}
