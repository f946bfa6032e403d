using System.CommandLine;
using System.CommandLine.Invocation;

namespace Argus.Cli.Terminal;

/// <summary>
/// The help of the bare <c>argus</c> command: one line per command (the first sentence of its description) and
/// the global options. Help for any other command is left to System.CommandLine, so examples stay there.
/// </summary>
public sealed class RootHelpAction(RootCommand root, CommandLineAction inner) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        if (!ReferenceEquals(parseResult.CommandResult.Command, root))
        {
            return inner is SynchronousCommandLineAction sync ? sync.Invoke(parseResult) : 0;
        }

        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Description:");
        foreach (var line in (root.Description ?? "").Split('\n'))
        {
            output.WriteLine(("  " + line.TrimEnd()).TrimEnd());
        }

        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine("  argus <command> [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        var width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var command in root.Subcommands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}{Summary(command.Description ?? "")}");
        }

        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --db <PATH|CONNECTION>  Store: a SQLite file, or a PostgreSQL connection string. Default: $ARGUS_DB, else");
        output.WriteLine("                          ~/.local/share/argus/argus.db.");
        output.WriteLine("  -h, --help              Show this help; 'argus <command> --help' explains a command, with examples.");
        output.WriteLine("  --version               Show the version.");
        return 0;
    }

    /// <summary>The first sentence of the first paragraph.</summary>
    public static string Summary(string description)
    {
        var text = string.Join(" ", description.Split('\n', StringSplitOptions.TrimEntries).TakeWhile(line => line.Length > 0));
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? text[..(end + 1)] : text).TrimEnd();
    }
}
