namespace Argus.Synthetic.Addressing;

/// <summary>IPv4 addresses held as 32-bit numbers, printed the usual ways.</summary>
internal static class Ipv4
{
    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";

    public static uint Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            throw new FormatException($"not an IPv4 address: {text}");
        }

        uint value = 0;
        foreach (var part in parts)
        {
            value = (value << 8) | byte.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
        }

        return value;
    }
}
