namespace Argus.Network.FlowLogs.Attribution;

/// <summary>The window to analyse and the thresholds behind "unused" and "over-broad".</summary>
public sealed record RuleUsageOptions
{
    /// <summary>Records that ended before this are skipped (counted, not analysed).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Records that started after this are skipped.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>
    /// An interface's logs must span at least this long before a rule on it is called unused: a rule used weekly
    /// looks unused in an hour of logs.
    /// </summary>
    public TimeSpan MinimumWindow { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// An interface without any record (not even NODATA) for longer than this many aggregation intervals of its
    /// flow log has a hole in its logs: AWS writes a record or NODATA for every interval of a logged interface.
    /// </summary>
    public int HoleIntervals { get; init; } = 3;

    /// <summary>Separate stretches of records kept per interface; an interface logged in more pieces is not covered.</summary>
    public int MaxSpansPerInterface { get; init; } = 1024;

    /// <summary>A rule whose CIDR leaves at least this many host bits is broad by address (16: a /16 or wider for IPv4).</summary>
    public int BroadIpv4HostBits { get; init; } = 16;

    /// <summary>As <see cref="BroadIpv4HostBits"/> for IPv6 (72: a /56 or wider).</summary>
    public int BroadIpv6HostBits { get; init; } = 72;

    /// <summary>A rule covering at least this many ports is broad by port.</summary>
    public int BroadPortCount { get; init; } = 16;

    /// <summary>Most CIDR blocks a suggested rule may list; traffic from more peers is broad itself.</summary>
    public int MaxSuggestedCidrs { get; init; } = 8;

    /// <summary>Most distinct ports a suggested rule may list.</summary>
    public int MaxSuggestedPorts { get; init; } = 4;

    /// <summary>Distinct peers counted per rule; beyond it the count is a lower bound.</summary>
    public int MaxPeersCounted { get; init; } = 100_000;

    /// <summary>Distinct (peer, protocol, port) kept per rule for suggestions; beyond it no tighter rule is suggested.</summary>
    public int MaxUsageTuples { get; init; } = 4_096;

    /// <summary>Connections remembered to tell replies from requests when TCP flags and ports cannot; bounds memory.</summary>
    public int MaxTrackedConnections { get; init; } = 1 << 18;
}
