using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>The <c>manifest.json</c> of a bundle: what the snapshot is and which documents it holds. See docs/bundle-format.md.</summary>
internal sealed record BundleManifest
{
    public const string FormatName = "argus-bundle";
    public const int CurrentVersion = 1;

    public required string Format { get; init; }

    public required int Version { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public required ManifestSnapshot Snapshot { get; init; }

    public required IReadOnlyList<ManifestDocument> Documents { get; init; }
}

/// <summary>The snapshot's metadata, as the store had it.</summary>
internal sealed record ManifestSnapshot
{
    public required string Id { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required SnapshotStatus Status { get; init; }

    /// <summary>Where the snapshot was first imported from or collected.</summary>
    public required string Source { get; init; }

    public string? Label { get; init; }

    public required IReadOnlyList<Scope> Scopes { get; init; }

    public required IReadOnlyList<CoverageGap> Gaps { get; init; }
}

/// <summary>One raw document: where it is in the bundle, what it answers, and how to check it.</summary>
/// <param name="Path">Relative, '/'-separated.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
internal sealed record ManifestDocument(
    string Path,
    Provider Provider,
    string Account,
    string Region,
    string Service,
    string Operation,
    string? Resource,
    long Size,
    string Sha256);
