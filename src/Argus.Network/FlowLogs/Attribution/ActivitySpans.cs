using System.Runtime.InteropServices;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// The stretches of time in which records were seen, as sorted, disjoint spans: records closer than the tolerance
/// join one span, so what lies between two spans is a hole longer than the tolerance. Records in time order only
/// ever extend or follow the last span (the usual case, cheap). Others wait in a small batch that is sorted and
/// merged in one sweep: inserting each into the sorted list shifted it every time, which on sparse interfaces
/// with shuffled records was a fifth of attribution's time. Joining is order-independent (spans closer than the
/// tolerance end up one whatever the order), so the batch changes no result. Bounded: past the cap the spans stop
/// being tracked and <see cref="Overflowed"/> says so.
/// </summary>
public sealed class ActivitySpans(long toleranceSeconds, int maxSpans)
{
    private const int BatchSize = 128;

    // Most interfaces' records fall in one span: room for one, grown only when a hole shows.
    private readonly List<(long Start, long End)> spans = new(1);
    private List<(long Start, long End)>? pending;
    private bool overflowed;

    /// <summary>The longest silence that is not a hole, in seconds.</summary>
    public long Tolerance { get; } = toleranceSeconds;

    /// <summary>True when the records fell into more spans than the cap: the holes are not known.</summary>
    public bool Overflowed
    {
        get
        {
            Flush();
            return overflowed;
        }
    }

    public IReadOnlyList<(long Start, long End)> Spans
    {
        get
        {
            Flush();
            return spans;
        }
    }

    /// <summary>The silences longer than the tolerance between the first and the last record, Unix seconds.</summary>
    public IEnumerable<(long From, long To)> Gaps()
    {
        Flush();
        var gaps = new List<(long From, long To)>(Math.Max(0, spans.Count - 1));
        for (var i = 1; i < spans.Count; i++)
        {
            gaps.Add((spans[i - 1].End, spans[i].Start));
        }

        return gaps;
    }

    /// <summary>Whether some span overlaps the interval.</summary>
    public bool Overlaps(long from, long to)
    {
        Flush();
        return spans.Any(s => s.Start < to && s.End > from);
    }

    public void Add(long start, long end)
    {
        if (start < 0 || overflowed)
        {
            return;
        }

        end = Math.Max(start, end);
        var n = spans.Count;
        if (n == 0)
        {
            spans.Add((start, end));
            return;
        }

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

        if (start > last.End + Tolerance)
        {
            spans.Add((start, end));
            if (spans.Count > maxSpans)
            {
                Flush();
            }

            return;
        }

        pending ??= new List<(long Start, long End)>(16);
        pending.Add((start, end));
        if (pending.Count >= BatchSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (pending is { Count: > 0 })
        {
            spans.AddRange(pending);
            pending.Clear();
            var all = CollectionsMarshal.AsSpan(spans);
            all.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            var kept = 0;
            foreach (var s in all)
            {
                if (kept > 0 && s.Start <= all[kept - 1].End + Tolerance)
                {
                    all[kept - 1].End = Math.Max(all[kept - 1].End, s.End);
                }
                else
                {
                    all[kept++] = s;
                }
            }

            spans.RemoveRange(kept, spans.Count - kept);
        }

        if (spans.Count > maxSpans)
        {
            overflowed = true;
            spans.Clear();
            pending = null;
        }
    }
}
