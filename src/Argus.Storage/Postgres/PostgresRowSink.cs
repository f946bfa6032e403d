using Argus.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Argus.Storage.Postgres;

/// <summary>
/// A binary COPY into one table; rows stream to the server as they are added. COPY cannot skip duplicate keys,
/// so a table that skips them is loaded through a temporary table of the same shape and moved across, distinct
/// and without conflicts, when the sink completes.
/// </summary>
internal sealed class PostgresRowSink : IRowSink
{
    private readonly NpgsqlConnection connection;
    private readonly RowTable table;
    private readonly NpgsqlBinaryImporter importer;
    private readonly NpgsqlDbType[] types;

    public PostgresRowSink(NpgsqlConnection connection, RowTable table)
    {
        this.connection = connection;
        this.table = table;
        types = table.Columns.Select(c => PostgresArgusStore.TypeOf(c.Type)).ToArray();
        var target = table.Name;
        if (table.SkipDuplicates)
        {
            target = Staging;
            using var create = new NpgsqlCommand($"CREATE TEMP TABLE IF NOT EXISTS {Staging} (LIKE {table.Name}) ON COMMIT DROP", connection);
            create.ExecuteNonQuery();
        }

        importer = connection.BeginBinaryImport($"COPY {target} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
    }

    private string Staging => "staged_" + table.Name;

    public void Add(params ReadOnlySpan<object?> values)
    {
        importer.StartRow();
        for (var i = 0; i < types.Length; i++)
        {
            switch (values[i])
            {
                case null:
                    importer.WriteNull();
                    break;
                case string s:
                    importer.Write(s, types[i]);
                    break;
                case int n:
                    importer.Write(n, types[i]);
                    break;
                case long n:
                    importer.Write(n, types[i]);
                    break;
                case byte[] b:
                    importer.Write(b, types[i]);
                    break;
                case var other:
                    throw new ArgumentException($"no COPY mapping for {other.GetType().Name}", nameof(values));
            }
        }
    }

    public long Complete()
    {
        var copied = (long)importer.Complete();

        // The connection leaves COPY mode only once the importer is closed.
        importer.Dispose();
        if (!table.SkipDuplicates)
        {
            return copied;
        }

        using var move = new NpgsqlCommand(
            $"INSERT INTO {table.Name} ({table.ColumnList}) SELECT DISTINCT {table.ColumnList} FROM {Staging} ON CONFLICT DO NOTHING",
            connection);
        var landed = move.ExecuteNonQuery();

        // Truncated, not deleted from: temporary tables are never vacuumed, and dead rows would pile up group after group.
        using var empty = new NpgsqlCommand($"TRUNCATE {Staging}", connection);
        empty.ExecuteNonQuery();
        return landed;
    }

    public void Dispose() => importer.Dispose();
}
