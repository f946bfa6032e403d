using System.CommandLine;
using System.Text.Json;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Model;

namespace Argus.Cli.Commands;

public static class SnapshotsCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format("table", "json");
        var command = new Command("snapshots", """
            List the snapshots in the store, newest first, with their coverage gaps.

            Examples:
              argus snapshots
              argus snapshots --format json
              argus snapshots delete snap-20261125T0831
            """)
        {
            format,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var snapshots = store.ListSnapshots();
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(snapshots, CliJson.Options));
                return ExitCodes.Ok;
            }

            if (snapshots.Count == 0)
            {
                context.Out.WriteLine($"No snapshots in {store.Description}. Run 'argus demo' or 'argus import PATH'.");
                return ExitCodes.Ok;
            }

            TableWriter.Write(
                context,
                ["id", "started (UTC)", "status", "label", "source", "accounts", "documents", "assets", "gaps"],
                snapshots.Select(s => (IReadOnlyList<string>)
                [
                    s.Id, s.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), s.Status.ToString().ToLowerInvariant(), s.Label ?? "",
                    s.Source, s.Scopes.Select(x => x.Account).Distinct().Count().ToString(), s.Counts.Documents.ToString("N0"),
                    s.Counts.Assets.ToString("N0"), s.Gaps.Count.ToString(),
                ]));
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(CreateDelete(context));
        return command;
    }

    private static Command CreateDelete(CliContext context)
    {
        var id = new Argument<string>("snapshot") { Description = "Snapshot id or unique prefix ('latest' is refused here on purpose)." };
        var command = new Command("delete", "Delete one snapshot and its inventory. Finding history is kept.") { id };
        command.SetAction(context, (parse, _) =>
        {
            var wanted = parse.GetValue(id)!;
            if (wanted == "latest")
            {
                throw new CliException("name the snapshot to delete by id; 'latest' is too easy to get wrong", ExitCodes.Usage);
            }

            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            Snapshot snapshot = CommandRunner.ResolveSnapshot(store, wanted);
            store.DeleteSnapshot(snapshot.Id);
            context.Out.WriteLine($"Deleted {snapshot.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
