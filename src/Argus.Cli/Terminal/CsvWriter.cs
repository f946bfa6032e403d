namespace Argus.Cli.Terminal;

/// <summary>RFC 4180 CSV, quoting only where needed.</summary>
public static class CsvWriter
{
    public static void WriteRow(TextWriter writer, IEnumerable<string> cells) =>
        writer.WriteLine(string.Join(",", cells.Select(Escape)));

    private static string Escape(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
