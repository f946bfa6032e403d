using Spectre.Console;

namespace Argus.Cli.Terminal;

/// <summary>Writes a table: a drawn Spectre table on a terminal, aligned plain columns otherwise.</summary>
public static class TableWriter
{
    public static void Write(CliContext context, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        var all = rows.ToList();
        var numeric = headers.Select((_, i) => all.Count > 0 && all.All(r => i < r.Count && IsNumber(r[i]))).ToArray();
        if (context.Interactive)
        {
            var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
            if (title is not null)
            {
                table.Title($"[bold]{Markup.Escape(title)}[/]");
            }

            for (var i = 0; i < headers.Count; i++)
            {
                var column = new TableColumn($"[bold]{Markup.Escape(headers[i])}[/]");
                table.AddColumn(numeric[i] ? column.RightAligned() : column);
            }

            foreach (var row in all)
            {
                table.AddRow(row.Select(c => new Markup(Markup.Escape(c))).ToArray());
            }

            Consoles.For(context.Out).Write(table);
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        if (title is not null)
        {
            context.Out.WriteLine(title);
        }

        context.Out.WriteLine(Line(headers.Select(h => h.ToUpperInvariant()).ToList(), widths, numeric));
        foreach (var row in all)
        {
            context.Out.WriteLine(Line(row, widths, numeric));
        }
    }

    // Counts read best right-aligned, so their digits line up.
    private static bool IsNumber(string cell) =>
        cell.Length > 0 && cell.All(c => char.IsAsciiDigit(c) || c == ',');

    private static string Line(IReadOnlyList<string> cells, int[] widths, bool[] numeric) =>
        string.Join("  ", cells.Select((c, i) => i < numeric.Length && numeric[i] ? c.PadLeft(widths[i]) : i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
