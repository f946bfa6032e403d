namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// An interface's facts over a timeline of snapshots: each version holds from the time of the snapshot that first
/// showed it (Unix seconds) until the next version. Before the first version, the first one holds (the interface
/// existed before the snapshot that first saw it, or the record predates every snapshot).
/// </summary>
internal sealed class InterfaceVersions(long[] from, InterfaceFacts[] facts)
{
    public IReadOnlyList<InterfaceFacts> Facts => facts;

    /// <summary>The version in effect at <paramref name="time"/> (Unix seconds); the first for times before it or unknown (-1).</summary>
    public InterfaceFacts At(long time)
    {
        // Versions are few (one per change): a backward scan beats a binary search.
        for (var k = from.Length - 1; k > 0; k--)
        {
            if (time >= from[k])
            {
                return facts[k];
            }
        }

        return facts[0];
    }
}
