using Argus.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Argus.Storage.Postgres;

/// <summary>A binary COPY into one table; rows stream to the server as they are added.</summary>
internal sealed class PostgresRowSink : IRowSink
{
    private readonly NpgsqlBinaryImporter importer;
    private readonly NpgsqlDbType[] types;

    public PostgresRowSink(NpgsqlConnection connection, RowTable table)
    {
        types = table.Columns.Select(c => PostgresArgusStore.TypeOf(c.Type)).ToArray();
        importer = connection.BeginBinaryImport($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
    }

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

    public void Complete() => importer.Complete();

    public void Dispose() => importer.Dispose();
}
