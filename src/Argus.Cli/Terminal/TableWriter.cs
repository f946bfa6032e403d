using Spectre.Console;

namespace Argus.Cli.Terminal;

/// <summary>Writes a table: a drawn Spectre table on a terminal, aligned plain columns otherwise.</summary>
public static class TableWriter
{
    public static void Write(CliContext context, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? title = null)
    {
        if (context.Interactive)
        {
            var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
            if (title is not null)
            {
                table.Title($"[bold]{Markup.Escape(title)}[/]");
            }

            foreach (var h in headers)
            {
                table.AddColumn(new TableColumn($"[bold]{Markup.Escape(h)}[/]"));
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(c => new Markup(Markup.Escape(c))).ToArray());
            }

            Consoles.For(context.Out).Write(table);
            return;
        }

        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        if (title is not null)
        {
            context.Out.WriteLine(title);
        }

        context.Out.WriteLine(Line(headers.Select(h => h.ToUpperInvariant()).ToList(), widths));
        foreach (var row in all)
        {
            context.Out.WriteLine(Line(row, widths));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
