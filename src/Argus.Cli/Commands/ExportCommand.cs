using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Storage.Bundles;

namespace Argus.Cli.Commands;

public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var snapshot = new Argument<string>("snapshot") { Description = "Snapshot id, unique prefix, or 'latest'." };
        var path = new Argument<string>("path") { Description = "Where to write: a folder, or a file ending in .tar.gz." };
        var force = new Option<bool>("--force") { Description = "Replace an existing .tar.gz file (a folder must always be new or empty)." };
        var command = new Command("export", """
            Export a snapshot as a bundle (a folder or a .tar.gz) that 'argus import' reads anywhere.

            The bundle holds the raw documents, coverage gaps and a manifest with each document's SHA-256, so a
            snapshot collected in one place can be analysed in another, an air-gapped one for instance.

            Examples:
              argus export latest ./snapshot.tar.gz
              argus export snap-20261125 ./snapshot-folder
            """)
        {
            snapshot, path, force,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var found = CommandRunner.ResolveSnapshot(store, parse.GetValue(snapshot)!);
            var target = Path.GetFullPath(parse.GetValue(path)!);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                throw new CliException($"{target} already exists; pass --force to replace it");
            }

            try
            {
                BundleWriter.Write(found, store.ReadDocuments(found.Id), target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new CliException($"cannot export to {target}: {e.Message}");
            }

            context.Out.WriteLine($"Exported {found.Id} ({found.Counts.Documents:N0} documents) to {target}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
