namespace Argus.Core.Model;

/// <summary>
/// A check result with its history across scans. The key is (check, resource): the same problem on the same
/// resource is one finding, first seen in one scan, last seen in the latest, resolved when a later scan that ran
/// the check no longer fails it.
/// </summary>
public sealed record Finding(
    CheckResult Result,
    string LastSnapshotId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResolvedAt)
{
    public bool IsOpen => ResolvedAt is null;
}
