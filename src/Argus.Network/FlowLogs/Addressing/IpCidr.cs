namespace Argus.Network.FlowLogs.Addressing;

/// <summary>An IPv4 or IPv6 network (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>); host bits are cleared.</summary>
public readonly record struct IpCidr
{
    public IpCidr(IpAddress128 address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, address.Bits);
        PrefixLength = prefixLength;
        Mask = MaskFor(address.IsV6, prefixLength);
        Network = address with { Value = address.Value & Mask };
    }

    public IpAddress128 Network { get; }

    public int PrefixLength { get; }

    private UInt128 Mask { get; }

    public bool IsV6 => Network.IsV6;

    /// <summary>0.0.0.0/0 or ::/0.</summary>
    public bool IsAny => PrefixLength == 0;

    /// <summary>How many addresses, as a power of two: 32 - prefix for IPv4, 128 - prefix for IPv6.</summary>
    public int HostBits => Network.Bits - PrefixLength;

    public bool Contains(IpAddress128 address) =>
        address.IsV6 == Network.IsV6 && (address.Value & Mask) == Network.Value;

    public bool Contains(IpCidr other) =>
        other.IsV6 == IsV6 && other.PrefixLength >= PrefixLength && Contains(other.Network);

    public static bool TryParse(string? text, out IpCidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IpAddress128.TryParse(slash < 0 ? text.AsSpan() : text.AsSpan(0, slash), out var address))
        {
            return false;
        }

        var prefix = address.Bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > address.Bits))
        {
            return false;
        }

        cidr = new IpCidr(address, prefix);
        return true;
    }

    public static IpCidr Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"not a CIDR block: '{text}'");

    /// <summary>The smallest network of this family holding both addresses.</summary>
    public static IpCidr Covering(IpAddress128 a, IpAddress128 b)
    {
        var diff = a.Value ^ b.Value;
        var bits = a.Bits;
        var hostBits = diff == 0 ? 0 : 128 - (int)UInt128.LeadingZeroCount(diff);
        return new IpCidr(a, bits - hostBits);
    }

    private static UInt128 MaskFor(bool v6, int prefix)
    {
        var bits = v6 ? 128 : 32;
        if (prefix == 0)
        {
            return 0;
        }

        var all = v6 ? UInt128.MaxValue : uint.MaxValue;
        return all & ~((UInt128.One << (bits - prefix)) - 1);
    }

    public override string ToString() => $"{Network}/{PrefixLength}";
}
