using Argus.Core.Model;

namespace Argus.Core.Import;

/// <summary>Snapshot metadata a source may carry. Missing values are filled in by the importer.</summary>
public sealed record SnapshotHeader(
    string? Id = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    SnapshotStatus Status = SnapshotStatus.Complete,
    string? Label = null,
    IReadOnlyList<Scope>? Scopes = null);
