using System.Data.Common;
using System.Globalization;
using Argus.Storage.Schema;
using Argus.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Argus.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode, so readers never wait for an import and two
/// processes can share the file (a second writer waits for the first, up to the busy timeout).
/// </summary>
internal sealed class SqliteArgusStore : SqlArgusStore
{
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    // Negative cache sizes are in KiB.
    private const int ReadCacheKib = 64 * 1024;
    private const int WriteCacheKib = 512 * 1024;

    private readonly string connectionString;
    private readonly int busyMilliseconds;

    private SqliteArgusStore(string path, TimeSpan busyTimeout)
    {
        Description = path;
        busyMilliseconds = (int)busyTimeout.TotalMilliseconds;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        }.ConnectionString;
    }

    public override string Description { get; }

    /// <summary>Opens (creating if needed) the store file at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteArgusStore Open(string path, TimeSpan? busyTimeout = null)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreException($"{full} is a folder; give the path of a store file");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException($"{full}: cannot open the store: folder {folder} does not exist");
        }

        return Prepared(new SqliteArgusStore(full, busyTimeout ?? DefaultBusyTimeout), s => s.Initialize());
    }

    internal static SqliteType TypeOf(SqlType type) => type switch
    {
        SqlType.Text => SqliteType.Text,
        SqlType.Integer or SqlType.BigInt => SqliteType.Integer,
        SqlType.Blob => SqliteType.Blob,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    internal override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            connection.Execute(null, $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{ReadCacheKib};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal override DbTransaction BeginWrite(DbConnection connection)
    {
        // A bigger cache for the bulk load; the next open of this pooled connection sets it back.
        connection.Execute(null, $"PRAGMA cache_size = -{WriteCacheKib}");
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    internal override IRowSink OpenSink(DbConnection connection, DbTransaction transaction, RowTable table) =>
        new SqliteRowSink((SqliteConnection)connection, table);

    internal override string ColumnType(SqlType type) => TypeOf(type).ToString().ToUpperInvariant();

    // Timestamps are text; see Time.
    internal override string TimeType => "TEXT";

    internal override string SmallRowsOption => " WITHOUT ROWID";

    internal override string TempTableOption => "";

    internal override string TempSchema => "temp";

    // Fixed-width UTC text sorts in time order and compares equal exactly when the instants are equal.
    internal override object Time(DateTimeOffset value) => value.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    internal override string TagCondition(string keyParameter, string? valueParameter) =>
        $"EXISTS (SELECT 1 FROM json_each(assets.tags) t WHERE t.key = {keyParameter}{(valueParameter is null ? "" : $" AND t.value = {valueParameter}")})";

    internal override string TableExistsSql => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    internal override string? Explain(DbException error) => error is not SqliteException e ? null : (e.SqliteErrorCode & 0xFF) switch
    {
        SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED => "the store is busy: another process is writing to it; try again when it has finished",
        SQLitePCL.raw.SQLITE_CONSTRAINT => $"the data breaks a constraint ({e.Message})",
        SQLitePCL.raw.SQLITE_NOTADB => "the file is not a SQLite database; is this the right file?",
        SQLitePCL.raw.SQLITE_CORRUPT => "the database file is damaged",
        SQLitePCL.raw.SQLITE_FULL => "the disk is full",
        SQLitePCL.raw.SQLITE_READONLY => "the file is read-only",
        SQLitePCL.raw.SQLITE_CANTOPEN => "the file cannot be opened (check the path and its permissions)",
        _ => null,
    };

    public override void Dispose()
    {
        // Pooled connections would otherwise keep the file open after the store is gone.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void Initialize()
    {
        Guard("open the store", () =>
        {
            using var connection = OpenConnection();
            // The page size only takes on a new, empty file; 16 KiB pages measured half again as fast for
            // million-row imports as the default 4 KiB, and make the file smaller.
            connection.Execute(null, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA journal_size_limit = 67108864;");
            var hasMigrations = connection.Count(null, TableExistsSql, ("@name", "schema_migrations")) > 0;
            var tables = connection.Count(null, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
            if (!hasMigrations && tables > 0)
            {
                throw new StoreException($"{Description} is a SQLite database but not an Argus store; give another file");
            }
        });
        Migrator.Apply(this);
    }
}
