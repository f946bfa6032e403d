using Argus.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Argus.Storage.Sqlite;

/// <summary>One prepared INSERT, its parameters reused for every row.</summary>
internal sealed class SqliteRowSink : IRowSink
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public SqliteRowSink(SqliteConnection connection, SqliteTransaction transaction, RowTable table)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
        parameters = table.Columns.Select((c, i) => command.Parameters.Add($"@p{i}", SqliteArgusStore.TypeOf(c.Type))).ToArray();
        command.Prepare();
    }

    public void Add(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Complete()
    {
    }

    public void Dispose() => command.Dispose();
}
