using Argus.Core.Model;

namespace Argus.Storage;

/// <summary>
/// Where snapshots, raw documents, inventory and findings live. SQLite (embedded, the default) and PostgreSQL
/// implement the same schema through the same migrations. Snapshots are immutable once committed.
/// </summary>
public interface IArgusStore : IDisposable
{
    /// <summary>Where the store is, for messages: a file path or a host/database, never a password.</summary>
    string Description { get; }

    /// <summary>
    /// Opens one transaction for a new snapshot. Nothing is visible to readers until
    /// <see cref="ISnapshotWriter.Commit"/>; disposing without committing rolls everything back.
    /// </summary>
    ISnapshotWriter BeginSnapshot(string snapshotId, DateTimeOffset startedAt, string source, string? label);

    /// <summary>Committed snapshots, newest first.</summary>
    IReadOnlyList<Snapshot> ListSnapshots();

    /// <summary>A committed snapshot by id, or by a unique prefix of its id, or "latest".</summary>
    Snapshot? FindSnapshot(string idOrPrefix);

    IEnumerable<RawDocument> ReadDocuments(string snapshotId, DocumentQuery? query = null);

    IEnumerable<Asset> QueryAssets(string snapshotId, AssetQuery? query = null);

    IEnumerable<Relation> ReadRelations(string snapshotId);

    /// <summary>
    /// Records one scan's check results and updates history: new findings get first seen, known ones last seen,
    /// and open findings of <paramref name="checksRun"/> within <paramref name="scopes"/> that were not reported
    /// again (or now pass) are resolved.
    /// </summary>
    FindingsUpdate RecordFindings(string snapshotId, DateTimeOffset at, IReadOnlyCollection<string> checksRun, IReadOnlyCollection<Scope> scopes, IReadOnlyCollection<CheckResult> results);

    IEnumerable<Finding> QueryFindings(FindingQuery? query = null);

    /// <summary>Deletes a snapshot and everything derived from it. Finding history is kept.</summary>
    bool DeleteSnapshot(string snapshotId);
}
