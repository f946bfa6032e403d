using System.Data.Common;
using System.Text;
using Argus.Core.Model;
using Argus.Storage.Columns;
using Argus.Storage.Schema;

namespace Argus.Storage.Sql;

/// <summary>
/// What SQLite and PostgreSQL do alike: the queries, the snapshot transaction, findings history, migrations.
/// A subclass supplies connections, bulk loading, column types and the few expressions that differ.
/// Every read opens its own connection, so streams can be read side by side (a diff reads two) and never see
/// a snapshot that is still being written.
/// </summary>
internal abstract class SqlArgusStore : IArgusStore
{
    private const string SnapshotColumns = "id, started_at, finished_at, status, source, label, scopes, documents, assets, relations";
    private const string SnapshotIsCommitted = "EXISTS (SELECT 1 FROM snapshots WHERE id = @snapshot AND committed = 1)";
    private const int MaxCandidatesShown = 10;

    public abstract string Description { get; }

    /// <summary>A new open connection, configured, outside any transaction.</summary>
    internal abstract DbConnection OpenConnection();

    /// <summary>A transaction that takes the write lock when it starts, so concurrent writers queue up instead of failing late.</summary>
    internal abstract DbTransaction BeginWrite(DbConnection connection);

    internal abstract IRowSink OpenSink(DbConnection connection, DbTransaction transaction, RowTable table);

    /// <summary>This database's type for a column; text compares bytewise (ordinally) on both.</summary>
    internal abstract string ColumnType(SqlType type);

    internal abstract string TimeType { get; }

    /// <summary>What follows the column list of a table of small rows (SQLite keeps those without a rowid).</summary>
    internal abstract string SmallRowsOption { get; }

    /// <summary>What follows the column list of a temporary table.</summary>
    internal abstract string TempTableOption { get; }

    /// <summary>The schema temporary tables live in, to name them without reaching a real table.</summary>
    internal abstract string TempSchema { get; }

    /// <summary>A timestamp as a parameter value.</summary>
    internal abstract object Time(DateTimeOffset value);

    internal abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A condition on <c>assets.tags</c>: the key is present and, when a value parameter is given, has that value.</summary>
    internal abstract string TagCondition(string keyParameter, string? valueParameter);

    /// <summary>A count of the tables named <c>@name</c> where this store keeps its own.</summary>
    internal abstract string TableExistsSql { get; }

    /// <summary>Serializes migrations between processes where the write transaction does not already.</summary>
    internal virtual void LockSchema(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>A sentence for a database error the user can act on (busy, duplicate data), or null to use its own message.</summary>
    internal abstract string? Explain(DbException error);

    public virtual void Dispose()
    {
    }

    /// <summary>A migration's SQL with this database's types in place of the placeholders.</summary>
    internal string SchemaSql(string template) => template
        .Replace("{text}", ColumnType(SqlType.Text), StringComparison.Ordinal)
        .Replace("{time}", TimeType, StringComparison.Ordinal)
        .Replace("{blob}", ColumnType(SqlType.Blob), StringComparison.Ordinal)
        .Replace("{small_rows}", SmallRowsOption, StringComparison.Ordinal);

    /// <summary>Creates an empty temporary table for <paramref name="table"/>, dropping one left on a pooled connection.</summary>
    internal string CreateTempTableSql(RowTable table) =>
        $"{DropTempTableSql(table)}; CREATE TEMP TABLE {table.Name} ({string.Join(", ", table.Columns.Select(c => $"{c.Name} {ColumnType(c.Type)}"))}){TempTableOption}";

    internal string DropTempTableSql(RowTable table) => $"DROP TABLE IF EXISTS {TempSchema}.{table.Name}";

    /// <summary>Runs a new store's first work (checks, migrations), disposing it if that fails.</summary>
    protected static TStore Prepared<TStore>(TStore store, Action<TStore> prepare)
        where TStore : SqlArgusStore
    {
        try
        {
            prepare(store);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public ISnapshotWriter BeginSnapshot(string snapshotId, DateTimeOffset startedAt, string source, string? label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            connection = OpenConnection();
            transaction = BeginWrite(connection);
            if (connection.Count(transaction, "SELECT COUNT(*) FROM snapshots WHERE id = @id", ("@id", snapshotId)) > 0)
            {
                throw new StoreException($"{Description}: snapshot {snapshotId} already exists; delete it first to store it again");
            }

            connection.Execute(
                transaction,
                "INSERT INTO snapshots (id, started_at, status, source, label, scopes) VALUES (@id, @started, @status, @source, @label, '[]')",
                ("@id", snapshotId), ("@started", Time(startedAt)), ("@status", StoreNames.Open), ("@source", source), ("@label", label));
            return new SqlSnapshotWriter(this, connection, transaction, snapshotId, startedAt, source, label);
        }
        catch (Exception e)
        {
            transaction?.Dispose();
            connection?.Dispose();
            throw e is DbException db ? Failure($"begin snapshot {snapshotId}", db) : e;
        }
    }

    public IReadOnlyList<Snapshot> ListSnapshots() => Guard("list snapshots", () =>
    {
        using var connection = OpenConnection();
        return LoadSnapshots(connection, null);
    });

    public Snapshot? FindSnapshot(string idOrPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrefix);
        return Guard("find snapshot", () =>
        {
            using var connection = OpenConnection();
            var exact = LoadSnapshots(connection, idOrPrefix);
            if (exact.Count == 1)
            {
                return exact[0];
            }

            var ids = ReadIds(connection, idOrPrefix == "latest"
                ? "SELECT id FROM snapshots WHERE committed = 1 ORDER BY started_at DESC, id DESC LIMIT 1"
                : "SELECT id FROM snapshots WHERE committed = 1 AND substr(id, 1, length(@prefix)) = @prefix ORDER BY id", idOrPrefix);
            return ids.Count switch
            {
                0 => null,
                1 => LoadSnapshots(connection, ids[0]).Single(),
                _ => throw new ArgumentException(
                    $"'{idOrPrefix}' matches {ids.Count} snapshots: {string.Join(", ", ids.Take(MaxCandidatesShown))}{(ids.Count > MaxCandidatesShown ? ", ..." : "")}; give more of the id",
                    nameof(idOrPrefix)),
            };
        });
    }

    public IEnumerable<RawDocument> ReadDocuments(string snapshotId, DocumentQuery? query = null)
    {
        var sql = new StringBuilder($"SELECT {DocumentColumns} FROM raw_documents WHERE snapshot = @snapshot AND {SnapshotIsCommitted}");
        var parameters = new List<(string, object?)> { ("@snapshot", snapshotId) };
        Filter(sql, parameters, "provider", query?.Provider?.ToName());
        Filter(sql, parameters, "account", query?.Account);
        Filter(sql, parameters, "region", query?.Region);
        Filter(sql, parameters, "service", query?.Service);
        Filter(sql, parameters, "operation", query?.Operation);
        sql.Append(" ORDER BY provider, account, region, service, operation, resource");
        return Read("read documents", sql.ToString(), parameters, ReadDocument);
    }

    public IEnumerable<Asset> QueryAssets(string snapshotId, AssetQuery? query = null)
    {
        var sql = new StringBuilder($"SELECT id, type, provider, account, region, name, tags, properties FROM assets WHERE snapshot = @snapshot AND {SnapshotIsCommitted}");
        var parameters = new List<(string, object?)> { ("@snapshot", snapshotId) };
        if (query?.Type is { } type && type.EndsWith('*'))
        {
            // A range start lets the type index help; substr makes the match exact (LIKE would treat _ and % as wildcards).
            sql.Append(" AND type >= @type AND substr(type, 1, length(@type)) = @type");
            parameters.Add(("@type", type[..^1]));
        }
        else
        {
            Filter(sql, parameters, "type", query?.Type);
        }

        Filter(sql, parameters, "account", query?.Account);
        Filter(sql, parameters, "region", query?.Region);
        Filter(sql, parameters, "id", query?.Id);
        var tags = query?.Tags ?? [];
        for (var i = 0; i < tags.Count; i++)
        {
            var cut = tags[i].IndexOf('=', StringComparison.Ordinal);
            var key = cut < 0 ? tags[i] : tags[i][..cut];
            parameters.Add(($"@tag{i}", key));
            if (cut >= 0)
            {
                parameters.Add(($"@value{i}", tags[i][(cut + 1)..]));
            }

            sql.Append(" AND ").Append(TagCondition($"@tag{i}", cut < 0 ? null : $"@value{i}"));
        }

        sql.Append(" ORDER BY id");
        return Read("query assets", sql.ToString(), parameters, r => new Asset(
            r.GetString(0), r.GetString(1), StoreNames.ParseProvider(r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5),
            StoreJson.ParseTags(r.GetString(6)), r.GetString(7)));
    }

    public IEnumerable<Relation> ReadRelations(string snapshotId) => Read(
        "read relations",
        $"SELECT from_id, to_id, kind FROM relations WHERE snapshot = @snapshot AND {SnapshotIsCommitted} ORDER BY from_id, to_id, kind",
        [("@snapshot", snapshotId)],
        r => new Relation(r.GetString(0), r.GetString(1), r.GetString(2)));

    public FindingsUpdate RecordFindings(string snapshotId, DateTimeOffset at, IReadOnlyCollection<string> checksRun, IReadOnlyCollection<Scope> scopes, IReadOnlyCollection<CheckResult> results) =>
        FindingsRecorder.Record(this, snapshotId, at, checksRun, scopes, results);

    public IEnumerable<Finding> QueryFindings(FindingQuery? query = null)
    {
        var sql = new StringBuilder(
            "SELECT check_id, resource_id, provider, account, region, status, severity, message, evidence, frameworks, last_snapshot, first_seen, last_seen, resolved_at FROM findings WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        Filter(sql, parameters, "check_id", query?.CheckId);
        Filter(sql, parameters, "resource_id", query?.ResourceId);
        Filter(sql, parameters, "account", query?.Account);
        Filter(sql, parameters, "status", query?.Status is { } status ? StoreNames.Name(status) : null);
        if (query?.OpenOnly == true)
        {
            sql.Append(" AND resolved_at IS NULL");
        }

        sql.Append(" ORDER BY check_id, resource_id");
        return Read("query findings", sql.ToString(), parameters, r => new Finding(
            new CheckResult(
                r.GetString(0), r.GetString(1), StoreNames.ParseProvider(r.GetString(2)), r.GetString(3), r.GetString(4),
                StoreNames.ParseStatus(r.GetString(5)), StoreNames.ParseSeverity(r.GetString(6)), r.GetString(7), r.GetString(8),
                StoreJson.ParseFrameworks(r.GetString(9))),
            r.GetString(10), ReadTime(r, 11), ReadTime(r, 12), r.IsDBNull(13) ? null : ReadTime(r, 13)));
    }

    public bool DeleteSnapshot(string snapshotId) => Guard($"delete snapshot {snapshotId}", () =>
    {
        using var connection = OpenConnection();
        using var transaction = BeginWrite(connection);
        var found = connection.Execute(transaction, "DELETE FROM snapshots WHERE id = @snapshot", ("@snapshot", snapshotId)) > 0;
        foreach (var table in new[] { "raw_documents", "coverage_gaps", "assets", "relations" })
        {
            connection.Execute(transaction, $"DELETE FROM {table} WHERE snapshot = @snapshot", ("@snapshot", snapshotId));
        }

        transaction.Commit();
        return found;
    });

    internal const string DocumentColumns = "provider, account, region, service, operation, resource, codec, size, body";

    /// <summary>A document from a row of <see cref="DocumentColumns"/>.</summary>
    internal static RawDocument ReadDocument(DbDataReader r)
    {
        var resource = r.GetString(5);
        var document = new RawDocument(
            StoreNames.ParseProvider(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            resource.Length == 0 ? null : resource, ReadOnlyMemory<byte>.Empty);
        return document with { Json = DocumentCodec.Decode(r.GetInt32(6), r.GetInt64(7), r.GetFieldValue<byte[]>(8), document.ToString()) };
    }

    internal StoreException Failure(string action, DbException error) =>
        new($"{Description}: cannot {action}: {Explain(error) ?? error.Message}", error);

    /// <summary>Runs database work, turning database errors into <see cref="StoreException"/>s that name the store and the action.</summary>
    internal T Guard<T>(string action, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (DbException e)
        {
            throw Failure(action, e);
        }
    }

    internal void Guard(string action, Action body) => Guard(action, () =>
    {
        body();
        return true;
    });

    internal IReadOnlyList<Snapshot> LoadSnapshots(DbConnection connection, string? id)
    {
        var only = id is null ? "" : " AND s.id = @id";
        var gaps = new Dictionary<string, List<CoverageGap>>(StringComparer.Ordinal);
        using (var command = connection.Command(
            null,
            $"SELECT g.snapshot, g.provider, g.account, g.region, g.service, g.operation, g.permission, g.reason, g.message FROM coverage_gaps g JOIN snapshots s ON s.id = g.snapshot WHERE s.committed = 1{only} ORDER BY g.snapshot, g.seq",
            id is null ? [] : [("@id", id)]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var snapshot = reader.GetString(0);
                if (!gaps.TryGetValue(snapshot, out var list))
                {
                    gaps[snapshot] = list = [];
                }

                list.Add(new CoverageGap(
                    StoreNames.ParseProvider(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), StoreNames.ParseReason(reader.GetString(7)), reader.GetString(8)));
            }
        }

        var snapshots = new List<Snapshot>();
        using (var command = connection.Command(
            null,
            $"SELECT {SnapshotColumns} FROM snapshots s WHERE committed = 1{only} ORDER BY started_at DESC, id DESC",
            id is null ? [] : [("@id", id)]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var snapshotId = reader.GetString(0);
                snapshots.Add(new Snapshot(
                    snapshotId, ReadTime(reader, 1), ReadTime(reader, 2), StoreNames.ParseSnapshotStatus(reader.GetString(3)), reader.GetString(4),
                    reader.GetNullableString(5), StoreJson.ParseScopes(reader.GetString(6)), gaps.GetValueOrDefault(snapshotId) ?? [],
                    new SnapshotCounts(reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9))));
            }
        }

        return snapshots;
    }

    private static List<string> ReadIds(DbConnection connection, string sql, string prefix)
    {
        using var command = connection.Command(null, sql, sql.Contains("@prefix", StringComparison.Ordinal) ? [("@prefix", prefix)] : []);
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static void Filter(StringBuilder sql, List<(string, object?)> parameters, string column, string? value)
    {
        if (value is not null)
        {
            sql.Append($" AND {column} = @{column}");
            parameters.Add(($"@{column}", value));
        }
    }

    /// <summary>Streams rows on a connection of their own, held until the caller stops enumerating.</summary>
    private IEnumerable<T> Read<T>(string action, string sql, IReadOnlyList<(string, object?)> parameters, Func<DbDataReader, T> map)
    {
        using var connection = Guard(action, OpenConnection);
        using var command = connection.Command(null, sql, [.. parameters]);
        using var reader = Guard(action, command.ExecuteReader);
        while (Guard(action, reader.Read))
        {
            yield return map(reader);
        }
    }
}
