using System.Data.Common;
using Argus.Core.Model;
using Argus.Storage.Columns;

namespace Argus.Storage.Sql;

/// <summary>
/// One snapshot's transaction on a connection of its own. Rows are bulk-loaded through one sink at a time; the
/// sink is finished before any other statement runs on the connection (a PostgreSQL COPY holds it).
/// </summary>
internal sealed class SqlSnapshotWriter(
    SqlArgusStore store, DbConnection connection, DbTransaction transaction, string snapshotId, DateTimeOffset startedAt, string source, string? label)
    : ISnapshotWriter
{
    private readonly List<CoverageGap> gaps = [];
    private IRowSink? sink;
    private RowTable? sinkTable;
    private long documentCount;
    private long assetCount;
    private long relationCount;
    private bool finished;

    public string SnapshotId => snapshotId;

    public void AddDocument(RawDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (codec, body) = DocumentCodec.Encode(document.Json.Span);
        try
        {
            Load(Tables.Documents, snapshotId, document.Provider.ToName(), document.Account, document.Region,
                document.Service, document.Operation, document.Resource ?? "", codec, (long)document.Json.Length, body);
        }
        catch (DbException e)
        {
            throw store.Failure($"store document {document}", e);
        }

        documentCount++;
    }

    public void AddGap(CoverageGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        try
        {
            Load(Tables.Gaps, snapshotId, gaps.Count, gap.Provider.ToName(), gap.Account, gap.Region, gap.Service,
                gap.Operation, gap.Permission, StoreNames.Name(gap.Reason), gap.Message);
        }
        catch (DbException e)
        {
            throw store.Failure($"store coverage gap {gap.Service}:{gap.Operation}", e);
        }

        gaps.Add(gap);
    }

    public void AddAssets(IReadOnlyCollection<Asset> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        Asset? current = null;
        try
        {
            foreach (var a in assets)
            {
                current = a;
                Load(Tables.Assets, snapshotId, a.Id, a.Type, a.Provider.ToName(), a.Account, a.Region, a.Name, StoreJson.Tags(a.Tags), a.Properties);
                assetCount++;
            }
        }
        catch (DbException e)
        {
            throw store.Failure($"store asset {current?.Id}", e);
        }
    }

    public void AddRelations(IReadOnlyCollection<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(relations);
        try
        {
            foreach (var r in relations)
            {
                Load(Tables.Relations, snapshotId, r.From, r.To, r.Kind);
            }
        }
        catch (DbException e)
        {
            throw store.Failure("store relations", e);
        }
    }

    public IReadOnlyList<DocumentGroupKey> DocumentGroups() => Run("list document groups", () =>
    {
        using var command = connection.Command(
            transaction,
            "SELECT DISTINCT provider, account, region FROM raw_documents WHERE snapshot = @snapshot ORDER BY provider, account, region",
            ("@snapshot", snapshotId));
        using var reader = command.ExecuteReader();
        var keys = new List<DocumentGroupKey>();
        while (reader.Read())
        {
            keys.Add(new DocumentGroupKey(StoreNames.ParseProvider(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        }

        return keys;
    });

    public IReadOnlyList<RawDocument> ReadGroup(DocumentGroupKey key) => Run($"read documents of {key}", () =>
    {
        using var command = connection.Command(
            transaction,
            $"SELECT {SqlArgusStore.DocumentColumns} FROM raw_documents WHERE snapshot = @snapshot AND provider = @provider AND account = @account AND region = @region ORDER BY service, operation, resource",
            ("@snapshot", snapshotId), ("@provider", key.Provider.ToName()), ("@account", key.Account), ("@region", key.Region));
        using var reader = command.ExecuteReader();
        var group = new List<RawDocument>();
        while (reader.Read())
        {
            group.Add(SqlArgusStore.ReadDocument(reader));
        }

        return group;
    });

    public Snapshot Commit(DateTimeOffset finishedAt, SnapshotStatus status, IReadOnlyList<Scope> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        Run("commit", () =>
        {
            connection.Execute(
                transaction,
                "UPDATE snapshots SET finished_at = @finished, status = @status, scopes = @scopes, documents = @documents, assets = @assets, relations = @relations, committed = 1 WHERE id = @snapshot",
                ("@finished", store.Time(finishedAt)), ("@status", StoreNames.Name(status)), ("@scopes", StoreJson.Scopes(scopes)),
                ("@documents", documentCount), ("@assets", assetCount), ("@relations", relationCount), ("@snapshot", snapshotId));
            transaction.Commit();
        });
        finished = true;
        Close();
        return new Snapshot(snapshotId, startedAt, finishedAt, status, source, label, scopes, gaps.ToList(), new SnapshotCounts(documentCount, assetCount, relationCount));
    }

    /// <summary>Rolls back unless committed: nothing of the snapshot stays behind.</summary>
    public void Dispose()
    {
        if (!finished)
        {
            finished = true;
            try
            {
                sink?.Dispose();
            }
            catch (Exception e) when (e is DbException or IOException or InvalidOperationException)
            {
                // A COPY that failed midway cannot be closed cleanly; the rollback below discards it anyway.
            }

            sink = null;
            Close();
        }
    }

    private void Close()
    {
        transaction.Dispose();
        connection.Dispose();
    }

    /// <summary>Adds one row through the sink for <paramref name="table"/>, switching sinks when the table changes.</summary>
    private void Load(RowTable table, params ReadOnlySpan<object?> values)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (!ReferenceEquals(sinkTable, table))
        {
            FinishSink();
            sink = store.OpenSink(connection, transaction, table);
            sinkTable = table;
        }

        sink!.Add(values);
    }

    private T Run<T>(string action, Func<T> body)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        return store.Guard(action, () =>
        {
            FinishSink();
            return body();
        });
    }

    private void Run(string action, Action body) => Run(action, () =>
    {
        body();
        return true;
    });

    private void FinishSink()
    {
        if (sink is not null)
        {
            var (current, table) = (sink, sinkTable);
            sink = null;
            sinkTable = null;
            using (current)
            {
                var landed = current.Complete();
                if (ReferenceEquals(table, Tables.Relations))
                {
                    relationCount += landed;
                }
            }
        }
    }
}
