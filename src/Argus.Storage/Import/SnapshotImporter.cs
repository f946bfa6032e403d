using System.Collections.Concurrent;
using System.Diagnostics;
using Argus.Core.Import;
using Argus.Core.Inventory;
using Argus.Core.Model;

namespace Argus.Storage.Import;

/// <summary>
/// The one import path for every source (bundles, AWS CLI output, the synthetic generator, live connectors):
/// raw documents are stored first, then normalized group by group from what was stored, all in one
/// transaction, so an import lands whole or not at all.
/// <para>
/// Each stage overlaps two kinds of work so both cores are used: the source is read on a worker while this
/// thread compresses and stores its documents, and the next group is normalized on a worker while this thread
/// stores the previous group's inventory. The writer is only ever used from the calling thread, and only one
/// normalizer runs at a time.
/// </para>
/// </summary>
public sealed class SnapshotImporter(IArgusStore store, IReadOnlyList<INormalizer> normalizers)
{
    private const int MaxWarnings = 1000;

    // Enough to keep the storing thread busy, few enough that a large source does not pile up in memory.
    private const int DocumentsInFlight = 64;

    // Groups read and queued for the normalizer ahead of the one being stored.
    private const int GroupsAhead = 8;

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
        var documents = StoreDocuments(source, writer, progress, cancellation);
        progress?.Report(new ImportProgress(ImportStage.ReadingDocuments, documents, documents, "done"));
        foreach (var gap in source.Gaps)
        {
            writer.AddGap(gap);
        }

        // A live collector learns how it ended (complete or cancelled) only once its documents are read.
        header = source.Header;
        var groups = writer.DocumentGroups();
        var warnings = NormalizeGroups(writer, groups, progress, cancellation);
        progress?.Report(new ImportProgress(ImportStage.Committing, groups.Count, groups.Count, id));
        var scopes = header.Scopes ?? groups.Select(g => new Scope(g.Provider, g.Account, g.Region)).Distinct().ToList();
        var snapshot = writer.Commit(header.FinishedAt ?? DateTimeOffset.UtcNow, header.Status, scopes);
        return new ImportResult(snapshot, source.Notices, warnings, clock.Elapsed);
    }

    private static long StoreDocuments(ISnapshotSource source, ISnapshotWriter writer, IProgress<ImportProgress>? progress, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var queue = new BlockingCollection<RawDocument>(DocumentsInFlight);
        var reader = Task.Run(
            () =>
            {
                try
                {
                    foreach (var document in source.ReadDocuments())
                    {
                        queue.Add(document, stop.Token);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);

        long documents = 0;
        var stored = false;
        try
        {
            foreach (var document in queue.GetConsumingEnumerable(stop.Token))
            {
                writer.AddDocument(document);
                documents++;
                if (documents % 64 == 0)
                {
                    progress?.Report(new ImportProgress(ImportStage.ReadingDocuments, documents, null, document.ToString()));
                }
            }

            stored = true;
        }
        finally
        {
            if (!stored)
            {
                // This side failed or was cancelled: stop the reader and let it finish before the writer rolls back.
                stop.Cancel();
                WaitQuietly(reader);
            }
        }

        // The source's own error (an ImportException naming the file and position) comes out as it was thrown.
        reader.GetAwaiter().GetResult();
        cancellation.ThrowIfCancellationRequested();
        return documents;
    }

    private List<string> NormalizeGroups(ISnapshotWriter writer, IReadOnlyList<DocumentGroupKey> groups, IProgress<ImportProgress>? progress, CancellationToken cancellation)
    {
        var warnings = new List<string>();
        var seenAssets = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Task<Normalized>>();
        Task previous = Task.CompletedTask;
        var read = 0;
        try
        {
            for (var i = 0; i < groups.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportStage.Normalizing, i, groups.Count, groups[i].ToString()));

                // Groups differ a lot in size (an account's global services against a quiet region), so one group
                // of look-ahead leaves this thread waiting behind a big one; a few keep the normalizer busy.
                while (read < groups.Count && pending.Count < GroupsAhead)
                {
                    var key = groups[read++];
                    var documents = writer.ReadGroup(key);
                    previous = Normalize(previous, key, documents);
                    pending.Enqueue((Task<Normalized>)previous);
                }

                var output = pending.Dequeue().GetAwaiter().GetResult();

                // The same resource can be described from two accounts (a shared transit gateway, both sides of a
                // peering): the first description wins, so ids stay unique within a snapshot.
                writer.AddAssets(output.Assets.Where(a => seenAssets.Add(a.Id)).ToList());
                writer.AddRelations(output.Relations);
                foreach (var warning in output.Warnings.Take(MaxWarnings - warnings.Count))
                {
                    warnings.Add(warning);
                }
            }
        }
        finally
        {
            WaitQuietly(previous);
        }

        return warnings;
    }

    /// <summary>Normalizes one group after <paramref name="previous"/> has finished, so only one normalizer runs at a time.</summary>
    private Task<Normalized> Normalize(Task previous, DocumentGroupKey key, IReadOnlyList<RawDocument> documents) => previous.ContinueWith(
        _ =>
        {
            var group = new DocumentGroup(key, documents);
            var output = new InventoryCollector();
            foreach (var normalizer in normalizers.Where(n => n.Provider == key.Provider))
            {
                normalizer.Normalize(group, output);
            }

            return new Normalized(output.Assets, output.Relations.Distinct().ToList(), output.Warnings);
        },
        CancellationToken.None,
        TaskContinuationOptions.None,
        TaskScheduler.Default);

    /// <summary>Waits for work whose result no longer matters; its failure, if any, is not the one to report.</summary>
    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>One group's inventory, its relations already without repeats.</summary>
    private sealed record Normalized(IReadOnlyList<Asset> Assets, IReadOnlyList<Relation> Relations, IReadOnlyList<string> Warnings);
}
