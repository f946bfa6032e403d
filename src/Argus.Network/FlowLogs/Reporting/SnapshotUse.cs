namespace Argus.Network.FlowLogs.Reporting;

/// <summary>One snapshot of a timeline analysis and how many records were judged against its rules and groups.</summary>
public sealed record SnapshotUse(string SnapshotId, DateTimeOffset TakenAt, long Records);
