using System.CommandLine;

namespace Argus.Cli.Commands;

/// <summary>Options shared by several commands, declared once so their help text is the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<string?> Db { get; } = new("--db")
    {
        Description = "Store to use: a SQLite file path, or a PostgreSQL connection string (Host=...;Database=... or postgresql://...). "
            + "Default: $ARGUS_DB, else ~/.local/share/argus/argus.db.",
        HelpName = "PATH|CONNECTION",
        Recursive = true,
    };

    public static Option<string> Snapshot { get; } = new("--snapshot", "-s")
    {
        Description = "Snapshot to read: its id, a unique prefix of it, or 'latest'.",
        HelpName = "ID",
        DefaultValueFactory = _ => "latest",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
