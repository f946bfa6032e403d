using System.Text.Json;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// The timestamps AWS's XML answers carry (<c>2024-05-01T12:30:00.250Z</c>) written as the AWS CLI prints them
/// (<c>2024-05-01T12:30:00.250000+00:00</c>) straight from the UTF-8 text: the same result as parsing with
/// <see cref="DateTimeOffset"/> and formatting with <see cref="WireValues.CliTimestamp"/>, without either.
/// </summary>
internal static class IsoTimestamp
{
    /// <summary>Writes the CLI's rendering when the text is exactly <c>yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z</c>; false otherwise.</summary>
    public static bool TryWriteCli(ReadOnlySpan<byte> text, Utf8JsonWriter json)
    {
        if (text.Length < 20 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        var fractionDigits = text.Length == 20 ? 0 : text.Length - 21;
        if (fractionDigits > 7 || (fractionDigits > 0 && text[19] != '.') || (fractionDigits == 0 && text.Length != 20))
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || !Digits(text.Slice(20, fractionDigits), out var fraction))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        for (var i = fractionDigits; i < 7; i++)
        {
            fraction *= 10; // to ticks
        }

        Span<byte> cli = stackalloc byte[32];
        text[..19].CopyTo(cli);
        var length = 19;
        if (fraction != 0)
        {
            // 'ffffff' truncates the seventh digit, and prints even when only that digit was set.
            cli[length++] = (byte)'.';
            var micros = fraction / 10;
            for (var i = 5; i >= 0; i--)
            {
                cli[length + i] = (byte)('0' + (micros % 10));
                micros /= 10;
            }

            length += 6;
        }

        "+00:00"u8.CopyTo(cli[length..]);
        json.WriteStringValue(cli[..(length + 6)]);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
