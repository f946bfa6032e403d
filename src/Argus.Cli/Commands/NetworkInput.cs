using System.CommandLine;
using Argus.Aws.CliImport;
using Argus.Cli.Wiring;
using Argus.Network.Model;

namespace Argus.Cli.Commands;

/// <summary>
/// Where the network commands read from: a stored snapshot (<c>--snapshot</c>, default latest) or a folder of AWS
/// CLI output read in place (<c>--input</c>), never stored.
/// </summary>
public static class NetworkInput
{
    public static Option<string?> Input { get; } = new("--input", "-i")
    {
        Description = "Analyse a folder of AWS CLI JSON output directly, without importing it (see 'argus import --help' for the layout).",
        HelpName = "FOLDER",
    };

    public static Option<string?> Account { get; } = new("--account")
    {
        Description = "With --input: the account the files belong to, when the folder does not say.",
        HelpName = "ID",
    };

    public static Option<string?> Region { get; } = new("--region")
    {
        Description = "With --input: the region the files come from, when the folder does not say.",
        HelpName = "NAME",
    };

    public static IEnumerable<Option> Options => [CommonOptions.Snapshot, Input, Account, Region];

    /// <summary>Builds the model and names what it was built from (a snapshot id or the folder).</summary>
    public static (NetworkModel Model, string Source) Load(ParseResult parse)
    {
        if (parse.GetValue(Input) is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new CliException($"{folder}: no such folder", ExitCodes.BadInput);
            }

            var source = new AwsCliFolderSource(folder, parse.GetValue(Account), parse.GetValue(Region));
            var documents = source.ReadDocuments().ToList();
            return (NetworkModel.Build(documents, source.Gaps), folder);
        }

        using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
        var snapshot = CommandRunner.ResolveSnapshot(store, parse.GetValue(CommonOptions.Snapshot)!);
        return (NetworkModel.Build(store.ReadDocuments(snapshot.Id), snapshot.Gaps), snapshot.Id);
    }
}
