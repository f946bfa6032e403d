namespace Argus.Network.FlowLogs.Rules;

/// <summary>A snapshot to put on a timeline, read only when the timeline is built (one at a time).</summary>
/// <param name="Load">Builds the snapshot's model (for a store, <see cref="SnapshotRuleModel.FromDocuments"/> over its EC2 documents).</param>
public sealed record TimelineSnapshot(string SnapshotId, DateTimeOffset TakenAt, Func<IRuleUsageModel> Load);
