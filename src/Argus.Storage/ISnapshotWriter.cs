using Argus.Core.Model;

namespace Argus.Storage;

/// <summary>One open snapshot transaction. Dispose without <see cref="Commit"/> to roll back.</summary>
public interface ISnapshotWriter : IDisposable
{
    string SnapshotId { get; }

    void AddDocument(RawDocument document);

    void AddGap(CoverageGap gap);

    void AddAssets(IReadOnlyCollection<Asset> assets);

    void AddRelations(IReadOnlyCollection<Relation> relations);

    /// <summary>The (provider, account, region) groups of the documents added so far.</summary>
    IReadOnlyList<DocumentGroupKey> DocumentGroups();

    /// <summary>Reads back, inside the open transaction, the documents of one group (for normalizing).</summary>
    IReadOnlyList<RawDocument> ReadGroup(DocumentGroupKey key);

    /// <summary>Makes the snapshot visible, with its final status, scopes and counts.</summary>
    Snapshot Commit(DateTimeOffset finishedAt, SnapshotStatus status, IReadOnlyList<Scope> scopes);
}
