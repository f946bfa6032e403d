namespace Argus.Network.FlowLogs.Rules;

/// <summary>One snapshot of a timeline: records from its time until the next snapshot's are judged against it.</summary>
/// <param name="SnapshotId">The store's snapshot id.</param>
/// <param name="TakenAt">When the snapshot was taken (its collection's start).</param>
public sealed record SnapshotPeriod(string SnapshotId, DateTimeOffset TakenAt)
{
    internal long From => TakenAt.ToUnixTimeSeconds();
}
