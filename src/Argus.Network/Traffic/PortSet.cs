using System.Globalization;
using System.Text;

namespace Argus.Network.Traffic;

/// <summary>
/// An exact set of ports (or ICMP types, or protocol numbers) as sorted, disjoint, non-adjacent closed intervals.
/// Immutable; every operation returns a new set.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    public const int MaxPort = 65535;

    public static readonly PortSet Empty = new([]);
    public static readonly PortSet AllPorts = Range(0, MaxPort);

    private readonly (int From, int To)[] ranges;

    private PortSet((int From, int To)[] ranges) => this.ranges = ranges;

    /// <summary>The intervals, in ascending order.</summary>
    public IReadOnlyList<(int From, int To)> Ranges => ranges;

    public bool IsEmpty => ranges.Length == 0;

    /// <summary>How many values the set holds.</summary>
    public long Count => ranges.Sum(r => (long)r.To - r.From + 1);

    public static PortSet Range(int from, int to) => from > to ? Empty : new([(from, to)]);

    public static PortSet Single(int port) => Range(port, port);

    public static PortSet Of(IEnumerable<(int From, int To)> ranges) => Normalize(ranges.Where(r => r.From <= r.To));

    public bool Contains(int value)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value < ranges[mid].From)
            {
                hi = mid - 1;
            }
            else if (value > ranges[mid].To)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSupersetOf(PortSet other) => other.Except(this).IsEmpty;

    public PortSet Union(PortSet other) =>
        other.IsEmpty ? this : IsEmpty ? other : Normalize(ranges.Concat(other.ranges));

    public PortSet Intersect(PortSet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        var result = new List<(int, int)>();
        int i = 0, j = 0;
        while (i < ranges.Length && j < other.ranges.Length)
        {
            var from = Math.Max(ranges[i].From, other.ranges[j].From);
            var to = Math.Min(ranges[i].To, other.ranges[j].To);
            if (from <= to)
            {
                result.Add((from, to));
            }

            if (ranges[i].To < other.ranges[j].To)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result.Count == 0 ? Empty : new PortSet([.. result]);
    }

    public PortSet Except(PortSet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return this;
        }

        var result = new List<(int, int)>();
        var j = 0;
        foreach (var (from0, to) in ranges)
        {
            var from = from0;
            while (j < other.ranges.Length && other.ranges[j].To < from)
            {
                j++;
            }

            var k = j;
            while (from <= to && k < other.ranges.Length && other.ranges[k].From <= to)
            {
                if (other.ranges[k].From > from)
                {
                    result.Add((from, other.ranges[k].From - 1));
                }

                from = Math.Max(from, other.ranges[k].To + 1);
                k++;
            }

            if (from <= to)
            {
                result.Add((from, to));
            }
        }

        return result.Count == 0 ? Empty : new PortSet([.. result]);
    }

    /// <summary><c>22, 80-443, 8080</c>; <c>none</c> for the empty set.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return "none";
        }

        var text = new StringBuilder();
        foreach (var (from, to) in ranges)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(from.ToString(CultureInfo.InvariantCulture));
            if (to != from)
            {
                text.Append('-').Append(to.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Parses what <see cref="ToString"/> prints (<c>22, 80-443</c>) as well as <c>N</c> and <c>N-M</c>.</summary>
    public static PortSet Parse(string text, int max = MaxPort)
    {
        if (text.Trim() is "none" or "")
        {
            return Empty;
        }

        var parts = new List<(int, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var from = ParseValue(dash < 0 ? part : part[..dash], max, text);
            var to = dash < 0 ? from : ParseValue(part[(dash + 1)..], max, text);
            if (from > to)
            {
                throw new FormatException($"'{text}': {from} is greater than {to}");
            }

            parts.Add((from, to));
        }

        return Of(parts);
    }

    private static int ParseValue(string text, int max, string whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw new FormatException($"'{whole}' is not a port list: '{text}' is not a number from 0 to {max}");

    public bool Equals(PortSet? other) => other is not null && ranges.AsSpan().SequenceEqual(other.ranges);

    public override bool Equals(object? obj) => Equals(obj as PortSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var r in ranges)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    private static PortSet Normalize(IEnumerable<(int From, int To)> input)
    {
        var sorted = input.OrderBy(r => r.From).ToList();
        if (sorted.Count == 0)
        {
            return Empty;
        }

        var merged = new List<(int, int)>(sorted.Count);
        var (from, to) = sorted[0];
        foreach (var r in sorted.Skip(1))
        {
            if (r.From <= to + 1)
            {
                to = Math.Max(to, r.To);
            }
            else
            {
                merged.Add((from, to));
                (from, to) = r;
            }
        }

        merged.Add((from, to));
        return new PortSet([.. merged]);
    }
}
