namespace Argus.Bench.FakeAws;

/// <summary>What the fake AWS process counted over the timed part: calls, throttles, its own CPU, GC pauses and memory.</summary>
internal sealed record FakeAwsStats(
    int Calls,
    long Throttled,
    long EmptyAnswers,
    string BusiestAccount,
    string BusiestRegion,
    int BusiestCalls,
    double CpuSeconds,
    long PeakBytes,
    double GcPauseSeconds,
    int Gen2Collections,
    IReadOnlyList<FakeAwsStragglers> Stragglers);
