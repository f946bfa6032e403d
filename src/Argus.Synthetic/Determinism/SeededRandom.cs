namespace Argus.Synthetic.Determinism;

/// <summary>
/// A small SplitMix64 generator. <see cref="System.Random"/> is avoided because its seeded sequence is an
/// implementation detail of the runtime; this one is fixed forever.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A moment between <paramref name="from"/> and <paramref name="to"/>, to the second.</summary>
    public DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddSeconds((long)(NextDouble() * (to - from).TotalSeconds));

    /// <summary>A moment between <paramref name="minDaysAgo"/> and <paramref name="maxDaysAgo"/> days before <paramref name="now"/>, to the second.</summary>
    public DateTimeOffset DaysBefore(DateTimeOffset now, int minDaysAgo, int maxDaysAgo)
    {
        var seconds = (long)minDaysAgo * 86400 + (long)(NextDouble() * (maxDaysAgo - minDaysAgo) * 86400);
        return now.AddSeconds(-seconds);
    }
}
