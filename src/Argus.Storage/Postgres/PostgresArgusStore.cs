using System.Data.Common;
using Argus.Storage.Schema;
using Argus.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Argus.Storage.Postgres;

/// <summary>
/// The store for larger deployments: the same schema as SQLite in a PostgreSQL database (or the first schema
/// on its search path), bulk-loaded with binary COPY. Text columns use the "C" collation so ids sort in
/// ordinal order whatever the database's locale.
/// </summary>
internal sealed class PostgresArgusStore : SqlArgusStore
{
    // Any constant will do; it only has to be the same in every Argus process.
    private const long MigrationLockKey = 0x4172677573;

    private readonly NpgsqlDataSource dataSource;

    private PostgresArgusStore(NpgsqlConnectionStringBuilder builder)
    {
        Description = PostgresLocation.Describe(builder);
        dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Description { get; }

    /// <summary>Connects to the database named by <paramref name="location"/> (keywords or a URI) and brings its schema up to date.</summary>
    public static PostgresArgusStore Open(string location)
    {
        var builder = PostgresLocation.Parse(location);

        // Imports and deletes of a million rows outlast Npgsql's default 30 s command timeout.
        if (!location.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase) && !location.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.CommandTimeout = 0;
        }

        // Without it Npgsql redacts the detail of a duplicate key, the one line that says which row it was. The
        // detail holds Argus's own data (ids), never the connection's credentials.
        builder.IncludeErrorDetail = true;
        return Prepared(new PostgresArgusStore(builder), Migrator.Apply);
    }

    internal static NpgsqlDbType TypeOf(SqlType type) => type switch
    {
        SqlType.Text => NpgsqlDbType.Text,
        SqlType.Integer => NpgsqlDbType.Integer,
        SqlType.BigInt => NpgsqlDbType.Bigint,
        SqlType.Blob => NpgsqlDbType.Bytea,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    internal override DbConnection OpenConnection() => dataSource.OpenConnection();

    internal override DbTransaction BeginWrite(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction();

    internal override IRowSink OpenSink(DbConnection connection, DbTransaction transaction, RowTable table) =>
        new PostgresRowSink((NpgsqlConnection)connection, table);

    internal override string ColumnType(SqlType type) => type switch
    {
        SqlType.Text => "TEXT COLLATE \"C\"",
        SqlType.Integer => "INTEGER",
        SqlType.BigInt => "BIGINT",
        SqlType.Blob => "BYTEA",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    internal override string TimeType => "TIMESTAMPTZ";

    internal override string SmallRowsOption => "";

    internal override string TempTableOption => " ON COMMIT DROP";

    internal override string TempSchema => "pg_temp";

    // timestamptz takes UTC only; DateTimeOffset equality compares instants, so nothing is lost.
    internal override object Time(DateTimeOffset value) => value.ToUniversalTime();

    internal override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    internal override string TagCondition(string keyParameter, string? valueParameter) => valueParameter is null
        ? $"jsonb_exists(assets.tags::jsonb, {keyParameter})"
        : $"(assets.tags::jsonb ->> {keyParameter}) = {valueParameter}";

    internal override string TableExistsSql =>
        "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = @name";

    internal override void LockSchema(DbConnection connection, DbTransaction transaction) =>
        connection.Execute(transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})");

    internal override string? Explain(DbException error) => error is not PostgresException e ? null : e.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => $"duplicate data: {e.Detail ?? e.MessageText}",
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
            $"{e.MessageText}; check the user and the password (in the location or PGPASSWORD)",
        PostgresErrorCodes.InvalidCatalogName => $"{e.MessageText}; create it first (createdb)",
        _ => null,
    };

    public override void Dispose() => dataSource.Dispose();
}
