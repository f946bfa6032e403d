using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Argus.Synthetic.Determinism;

namespace Argus.Synthetic.FlowLogs;

/// <summary>Picking hosts inside CIDR blocks and public peers, deterministically.</summary>
internal static class AddressMath
{
    // First octets of public unicast space, away from private, loopback, link-local and multicast ranges.
    private static readonly byte[] PublicFirstOctets = [23, 31, 37, 45, 62, 77, 81, 89, 91, 109, 151, 185, 193, 212, 217];

    public static bool TryParseCidr(string text, out IPAddress network, out int prefix)
    {
        network = IPAddress.None;
        prefix = 0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IPAddress.TryParse(text.AsSpan(0, slash), out network!) && int.TryParse(text.AsSpan(slash + 1), out prefix);
    }

    public static bool Contains(string cidr, IPAddress address)
    {
        if (!TryParseCidr(cidr, out var network, out var prefix) || network.AddressFamily != address.AddressFamily)
        {
            return false;
        }

        var bits = network.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        var mask = prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);
        return ((ToNumber(network) << (128 - bits)) & mask) == ((ToNumber(address) << (128 - bits)) & mask);
    }

    /// <summary>A random host of the block (the block itself for /31, /32, /127, /128).</summary>
    public static IPAddress RandomHost(string cidr, SeededRandom random)
    {
        if (!TryParseCidr(cidr, out var network, out var prefix))
        {
            throw new ArgumentException($"not a CIDR block: {cidr}", nameof(cidr));
        }

        var v6 = network.AddressFamily == AddressFamily.InterNetworkV6;
        var hostBits = (v6 ? 128 : 32) - prefix;
        if (hostBits <= 1)
        {
            return network;
        }

        var span = hostBits >= 63 ? ulong.MaxValue : (1UL << hostBits) - 2;
        var offset = 1 + (random.NextUInt64() % span);
        return FromNumber(ToNumber(network) + offset, v6);
    }

    public static IPAddress RandomPublicV4(SeededRandom random) =>
        new([PublicFirstOctets[random.Next(PublicFirstOctets.Length)], (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(1, 255)]);

    /// <summary>A random host in a random /64 of the documentation prefix 2001:db8::/32.</summary>
    public static IPAddress RandomPublicV6(SeededRandom random)
    {
        UInt128 value = ((UInt128)0x20010db8 << 96) | ((UInt128)(random.NextUInt64() & 0xFFFF_FFFF) << 64) | (UInt128)random.Next(1, 65535);
        return FromNumber(value, true);
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static IPAddress FromNumber(UInt128 value, bool v6)
    {
        if (!v6)
        {
            return new IPAddress(BitConverter.GetBytes((uint)value).Reverse().ToArray());
        }

        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
