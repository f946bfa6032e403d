namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// The stretches of time in which records were seen, as sorted, disjoint spans: records closer than the tolerance
/// join one span, so what lies between two spans is a hole longer than the tolerance. Records in time order only
/// ever extend the last span (the usual case, cheap); others are merged in place. Bounded: past the cap the spans
/// stop being tracked and <see cref="Overflowed"/> says so.
/// </summary>
public sealed class ActivitySpans(long toleranceSeconds, int maxSpans)
{
    // Most interfaces' records fall in one span: room for one, grown only when a hole shows.
    private readonly List<(long Start, long End)> spans = new(1);

    /// <summary>The longest silence that is not a hole, in seconds.</summary>
    public long Tolerance { get; } = toleranceSeconds;

    /// <summary>True when the records fell into more spans than the cap: the holes are not known.</summary>
    public bool Overflowed { get; private set; }

    public IReadOnlyList<(long Start, long End)> Spans => spans;

    /// <summary>The silences longer than the tolerance between the first and the last record, Unix seconds.</summary>
    public IEnumerable<(long From, long To)> Gaps()
    {
        for (var i = 1; i < spans.Count; i++)
        {
            yield return (spans[i - 1].End, spans[i].Start);
        }
    }

    /// <summary>Whether some span overlaps the interval.</summary>
    public bool Overlaps(long from, long to) => spans.Any(s => s.Start < to && s.End > from);

    public void Add(long start, long end)
    {
        if (start < 0 || Overflowed)
        {
            return;
        }

        end = Math.Max(start, end);
        var n = spans.Count;
        if (n > 0)
        {
            // Records a little out of order (starts scattered within an interval) still only touch the last span.
            var last = spans[n - 1];
            if (start <= last.End + Tolerance && end >= last.Start - Tolerance && (n == 1 || start > spans[n - 2].End + Tolerance))
            {
                if (end > last.End || start < last.Start)
                {
                    spans[n - 1] = (Math.Min(start, last.Start), Math.Max(end, last.End));
                }

                return;
            }
        }

        Insert(start, end);
    }

    private void Insert(long start, long end)
    {
        // First span that could touch [start, end]: the first whose end reaches start - tolerance.
        var i = 0;
        while (i < spans.Count && spans[i].End + Tolerance < start)
        {
            i++;
        }

        var j = i;
        while (j < spans.Count && spans[j].Start - Tolerance <= end)
        {
            start = Math.Min(start, spans[j].Start);
            end = Math.Max(end, spans[j].End);
            j++;
        }

        spans.RemoveRange(i, j - i);
        spans.Insert(i, (start, end));
        if (spans.Count > maxSpans)
        {
            Overflowed = true;
            spans.Clear();
        }
    }
}
