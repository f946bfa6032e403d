namespace Argus.Network.FlowLogs.Attribution;

/// <summary>Per-interface counts while reading: coverage (records, window, skipped intervals) and attribution gaps.</summary>
public sealed class InterfaceCounters(ActivitySpans spans)
{
    /// <summary>When the interface had records: the holes between the spans are coverage holes.</summary>
    public ActivitySpans Spans { get; } = spans;

    public long Records { get; internal set; }

    public long NoData { get; internal set; }

    public long SkipData { get; internal set; }

    /// <summary>Unix seconds; -1 before any record.</summary>
    public long FirstStart { get; internal set; } = -1;

    public long LastEnd { get; internal set; } = -1;

    public long Accepted { get; internal set; }

    public long Rejected { get; internal set; }

    /// <summary>Accepted records travelling from responder to initiator: not rule hits for security groups.</summary>
    public long Replies { get; internal set; }

    /// <summary>Accepted requests that no security group rule of the interface matches (rules changed since the snapshot?).</summary>
    public long UnexplainedBySecurityGroups { get; internal set; }

    /// <summary>Accepted packets whose first matching network ACL entry denies (the ACL changed since the snapshot?).</summary>
    public long UnexplainedByNetworkAcl { get; internal set; }

    /// <summary>Accepted records whose direction could not be told (neither address is the interface's, no flow-direction).</summary>
    public long DirectionUnknown { get; internal set; }

    internal void Seen(long start, long end)
    {
        Records++;
        if (start >= 0 && (FirstStart < 0 || start < FirstStart))
        {
            FirstStart = start;
        }

        if (end > LastEnd)
        {
            LastEnd = end;
        }

        Spans.Add(start, end);
    }
}
