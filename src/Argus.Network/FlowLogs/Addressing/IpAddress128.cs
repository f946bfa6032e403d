using System.Buffers.Binary;
using System.Globalization;

namespace Argus.Network.FlowLogs.Addressing;

/// <summary>
/// An IPv4 or IPv6 address as a 128-bit number, parsed from UTF-8 without allocating, so the flow-log hot path
/// can compare and hash addresses by value. IPv4 addresses keep their 32-bit value in the low bits.
/// </summary>
public readonly record struct IpAddress128(UInt128 Value, bool IsV6) : IComparable<IpAddress128>
{
    /// <summary>Bits in this address family: 32 or 128.</summary>
    public int Bits => IsV6 ? 128 : 32;

    public int CompareTo(IpAddress128 other) =>
        IsV6 != other.IsV6 ? IsV6.CompareTo(other.IsV6) : Value.CompareTo(other.Value);

    /// <summary>Parses dotted IPv4 or RFC 4291 IPv6 text (with <c>::</c> and an embedded IPv4 tail); no zone ids.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out IpAddress128 address)
    {
        // IPv4 first: nearly every flow log address is one, and a v6 address fails it at its first colon or hex digit.
        if (TryParseV4(text, out var v4))
        {
            address = new IpAddress128(v4, false);
            return true;
        }

        address = default;
        return text.IndexOf((byte)':') >= 0 && TryParseV6(text, out address);
    }

    /// <summary>Parses text given as chars (configuration and JSON documents, not the hot path).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpAddress128 address)
    {
        Span<byte> bytes = stackalloc byte[64];
        address = default;
        if (text.Length > bytes.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 127)
            {
                return false;
            }

            bytes[i] = (byte)text[i];
        }

        return TryParse(bytes[..text.Length], out address);
    }

    public static IpAddress128 Parse(string text) =>
        TryParse(text.AsSpan(), out var a) ? a : throw new FormatException($"not an IP address: '{text}'");

    private static bool TryParseV4(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            uint octet = 0;
            while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9')
            {
                octet = (octet * 10) + (uint)(text[i] - '0');
                i++;
                if (i - start > 3)
                {
                    return false;
                }
            }

            if (i == start || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            octets++;
            if (i == text.Length)
            {
                return octets == 4;
            }

            if (text[i] != (byte)'.' || octets == 4)
            {
                return false;
            }

            i++;
        }
    }

    private static bool TryParseV6(ReadOnlySpan<byte> text, out IpAddress128 address)
    {
        address = default;
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gapAt = -1;
        var i = 0;
        if (text.StartsWith("::"u8))
        {
            gapAt = 0;
            i = 2;
        }

        while (i < text.Length)
        {
            var end = text[i..].IndexOf((byte)':');
            var group = end < 0 ? text[i..] : text.Slice(i, end);
            if (end < 0 && group.IndexOf((byte)'.') >= 0)
            {
                // An embedded IPv4 tail such as ::ffff:192.0.2.1 fills the last two groups.
                if (!TryParseV4(group, out var v4) || count > 6)
                {
                    return false;
                }

                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)v4;
                break;
            }

            if (group.Length is 0 or > 4 || count >= 8 || !TryParseHex(group, out groups[count]))
            {
                return false;
            }

            count++;
            if (end < 0)
            {
                break;
            }

            i += end + 1;
            if (i < text.Length && text[i] == (byte)':')
            {
                if (gapAt >= 0)
                {
                    return false;
                }

                gapAt = count;
                i++;
            }
            else if (i == text.Length)
            {
                return false;
            }
        }

        if (gapAt >= 0 ? count > 7 : count != 8)
        {
            return false;
        }

        UInt128 value = 0;
        var missing = 8 - count;
        for (var k = 0; k < count; k++)
        {
            var position = gapAt >= 0 && k >= gapAt ? k + missing : k;
            value |= (UInt128)groups[k] << (112 - (16 * position));
        }

        address = new IpAddress128(value, true);
        return true;
    }

    private static bool TryParseHex(ReadOnlySpan<byte> group, out ushort value)
    {
        value = 0;
        foreach (var c in group)
        {
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (ushort)((value << 4) | digit);
        }

        return true;
    }

    public override string ToString()
    {
        if (!IsV6)
        {
            var v = (uint)Value;
            return string.Create(CultureInfo.InvariantCulture, $"{v >> 24}.{(v >> 16) & 255}.{(v >> 8) & 255}.{v & 255}");
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, Value);
        return new System.Net.IPAddress(bytes).ToString();
    }
}
