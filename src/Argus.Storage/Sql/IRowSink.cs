namespace Argus.Storage.Sql;

/// <summary>
/// Bulk loading into one table inside an open transaction: a prepared, reused INSERT for SQLite, a binary COPY
/// for PostgreSQL. A COPY holds its connection, so a sink is completed before anything else runs on it.
/// </summary>
internal interface IRowSink : IDisposable
{
    /// <summary>One row; values in the table's column order, null for NULL.</summary>
    void Add(params ReadOnlySpan<object?> values);

    /// <summary>Finishes loading; returns how many rows landed in the table (duplicates skipped do not count).</summary>
    long Complete();
}
