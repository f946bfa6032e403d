using System.Diagnostics;
using Argus.Core.Import;
using Argus.Core.Inventory;
using Argus.Core.Model;

namespace Argus.Storage.Import;

/// <summary>
/// The one import path for every source (bundles, AWS CLI output, the synthetic generator, live connectors):
/// raw documents are stored first, then normalized group by group from what was stored, all in one
/// transaction, so an import lands whole or not at all.
/// </summary>
public sealed class SnapshotImporter(IArgusStore store, IReadOnlyList<INormalizer> normalizers)
{
    private const int MaxWarnings = 1000;

    public ImportResult Import(ISnapshotSource source, IProgress<ImportProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var header = source.Header;
        var id = header.Id ?? Snapshot.NewId(DateTimeOffset.UtcNow);
        if (store.ListSnapshots().Any(s => s.Id == id))
        {
            throw new ImportException(source.Description, $"snapshot {id} is already in the store ({store.Description}); delete it first to import it again");
        }

        using var writer = store.BeginSnapshot(id, header.StartedAt ?? DateTimeOffset.UtcNow, source.Description, header.Label);
        long documents = 0;
        foreach (var document in source.ReadDocuments())
        {
            cancellation.ThrowIfCancellationRequested();
            writer.AddDocument(document);
            documents++;
            if (documents % 64 == 0)
            {
                progress?.Report(new ImportProgress(ImportStage.ReadingDocuments, documents, null, document.ToString()));
            }
        }

        progress?.Report(new ImportProgress(ImportStage.ReadingDocuments, documents, documents, "done"));
        foreach (var gap in source.Gaps)
        {
            writer.AddGap(gap);
        }

        var warnings = new List<string>();
        var groups = writer.DocumentGroups();
        var seenAssets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var key = groups[i];
            progress?.Report(new ImportProgress(ImportStage.Normalizing, i, groups.Count, key.ToString()));
            var group = new DocumentGroup(key, writer.ReadGroup(key));
            var output = new InventoryCollector();
            foreach (var normalizer in normalizers.Where(n => n.Provider == key.Provider))
            {
                normalizer.Normalize(group, output);
            }

            // The same resource can be described from two accounts (a shared transit gateway, both sides of a
            // peering): the first description wins, so ids stay unique within a snapshot.
            writer.AddAssets(output.Assets.Where(a => seenAssets.Add(a.Id)).ToList());
            writer.AddRelations(output.Relations.Distinct().ToList());
            foreach (var warning in output.Warnings.Take(MaxWarnings - warnings.Count))
            {
                warnings.Add(warning);
            }
        }

        progress?.Report(new ImportProgress(ImportStage.Committing, groups.Count, groups.Count, id));
        var scopes = header.Scopes ?? groups.Select(g => new Scope(g.Provider, g.Account, g.Region)).Distinct().ToList();
        var snapshot = writer.Commit(header.FinishedAt ?? DateTimeOffset.UtcNow, header.Status, scopes);
        return new ImportResult(snapshot, source.Notices, warnings, clock.Elapsed);
    }
}
