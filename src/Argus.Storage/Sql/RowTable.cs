namespace Argus.Storage.Sql;

/// <summary>A table rows are bulk-loaded into, with the columns in the order <see cref="IRowSink.Add"/> takes them.</summary>
/// <param name="skipDuplicates">Rows whose key is already in the table are dropped instead of failing the load.</param>
internal sealed class RowTable(string name, bool skipDuplicates, params (string Name, SqlType Type)[] columns)
{
    public string Name { get; } = name;

    public bool SkipDuplicates { get; } = skipDuplicates;

    public IReadOnlyList<(string Name, SqlType Type)> Columns { get; } = columns;

    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));

    public override string ToString() => Name;
}
