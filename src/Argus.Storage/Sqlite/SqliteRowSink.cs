using System.Buffers;
using Argus.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Argus.Storage.Sqlite;

/// <summary>
/// One prepared INSERT, bound and stepped through SQLite's own API on the connection's handle (inside its
/// transaction). Going around ADO.NET's per-command machinery makes a million-row load about half again as fast;
/// errors still surface as <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteRowSink : IRowSink
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int columns;
    private readonly bool skipDuplicates;
    private long landed;
    private byte[] utf8 = ArrayPool<byte>.Shared.Rent(4096);

    public SqliteRowSink(SqliteConnection connection, RowTable table)
    {
        database = connection.Handle!;
        columns = table.Columns.Count;
        skipDuplicates = table.SkipDuplicates;
        var sql = $"INSERT{(skipDuplicates ? " OR IGNORE" : "")} INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"))})";
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    public void Add(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < columns; i++)
        {
            var index = i + 1;
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string s => BindText(index, s),
                int n => raw.sqlite3_bind_int64(statement, index, n),
                long n => raw.sqlite3_bind_int64(statement, index, n),
                byte[] b => raw.sqlite3_bind_blob(statement, index, b),
                var other => throw new ArgumentException($"no SQLite binding for {other.GetType().Name}", nameof(values)),
            });
        }

        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, database);
        }

        landed += skipDuplicates ? raw.sqlite3_changes(database) : 1;
    }

    public long Complete() => landed;

    public void Dispose()
    {
        statement.Dispose();
        ArrayPool<byte>.Shared.Return(utf8);
    }

    // Encoded into one reused buffer; SQLite copies bound text, so the buffer is free again at once.
    private int BindText(int index, string text)
    {
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > utf8.Length)
        {
            ArrayPool<byte>.Shared.Return(utf8);
            utf8 = ArrayPool<byte>.Shared.Rent(length);
        }

        var written = System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, written));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, database);
        }
    }
}
