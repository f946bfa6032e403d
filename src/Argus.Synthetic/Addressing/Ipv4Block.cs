namespace Argus.Synthetic.Addressing;

/// <summary>An IPv4 CIDR block.</summary>
internal readonly record struct Ipv4Block(uint Network, int PrefixLength)
{
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>The <paramref name="index"/>-th block of length <paramref name="prefixLength"/> inside this one.</summary>
    public Ipv4Block Part(int prefixLength, int index)
    {
        if (prefixLength < PrefixLength || index < 0 || index >= 1L << (prefixLength - PrefixLength))
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"/{prefixLength} #{index} does not fit in {this}");
        }

        return new Ipv4Block(Network + (uint)(index * (1L << (32 - prefixLength))), prefixLength);
    }

    public static Ipv4Block Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return new Ipv4Block(Ipv4.Parse(cidr[..slash]), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => $"{Ipv4.Format(Network)}/{PrefixLength}";
}
