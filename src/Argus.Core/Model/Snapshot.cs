namespace Argus.Core.Model;

/// <summary>An immutable record of what was collected, when, from where, and what could not be.</summary>
public sealed record Snapshot(
    string Id,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    SnapshotStatus Status,
    string Source,
    string? Label,
    IReadOnlyList<Scope> Scopes,
    IReadOnlyList<CoverageGap> Gaps,
    SnapshotCounts Counts)
{
    /// <summary>A new, sortable, collision-resistant snapshot id such as <c>snap-20261125T083100Z-3f9a1c</c>.</summary>
    public static string NewId(DateTimeOffset at) =>
        $"snap-{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
