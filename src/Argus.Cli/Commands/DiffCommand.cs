using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Inventory;
using Argus.Storage;

namespace Argus.Cli.Commands;

public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Argument<string>("from") { Description = "The earlier snapshot (id, prefix)." };
        var to = new Argument<string>("to") { Description = "The later snapshot (id, prefix, or 'latest')." };
        var type = new Option<string?>("--type", "-t") { Description = "Only assets of this type or type prefix (aws.ec2.*).", HelpName = "TYPE" };
        var format = CommonOptions.Format("table", "json", "csv");
        var command = new Command("diff", """
            Show what appeared, disappeared or changed between two snapshots, and which fields changed.

            Examples:
              argus diff snap-20261101 latest
              argus diff snap-20261101 snap-20261125 --type aws.ec2.security-group --format json
            """)
        {
            from, to, type, format,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var before = CommandRunner.ResolveSnapshot(store, parse.GetValue(from)!);
            var after = CommandRunner.ResolveSnapshot(store, parse.GetValue(to)!);
            var query = new AssetQuery(Type: parse.GetValue(type));
            var changes = InventoryDiff.Compare(store.QueryAssets(before.Id, query), store.QueryAssets(after.Id, query));
            switch (parse.GetValue(format))
            {
                case "json":
                    WriteJson(context, before.Id, after.Id, changes);
                    break;
                case "csv":
                    CsvWriter.WriteRow(context.Out, ["change", "type", "account", "region", "name", "id", "fields"]);
                    foreach (var c in changes)
                    {
                        CsvWriter.WriteRow(context.Out, [Name(c.Kind), c.Asset.Type, c.Asset.Account, c.Asset.Region, c.Asset.Name, c.Asset.Id, string.Join(";", c.ChangedFields)]);
                    }

                    break;
                default:
                    WriteTable(context, before.Id, after.Id, changes);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliContext context, string before, string after, IEnumerable<AssetChange> changes)
    {
        var list = changes.ToList();
        context.Out.WriteLine($"{before} -> {after}: {list.Count(c => c.Kind == AssetChangeKind.Appeared)} appeared, "
            + $"{list.Count(c => c.Kind == AssetChangeKind.Disappeared)} disappeared, {list.Count(c => c.Kind == AssetChangeKind.Changed)} changed");
        if (list.Count == 0)
        {
            return;
        }

        TableWriter.Write(
            context,
            ["change", "type", "account", "region", "name", "changed fields"],
            list.OrderBy(c => c.Kind).ThenBy(c => c.Asset.Type, StringComparer.Ordinal).ThenBy(c => c.Asset.Name, StringComparer.Ordinal)
                .Select(c => (IReadOnlyList<string>)[Name(c.Kind), c.Asset.Type, c.Asset.Account, c.Asset.Region, c.Asset.Name, string.Join(", ", c.ChangedFields)]));
    }

    private static void WriteJson(CliContext context, string before, string after, IEnumerable<AssetChange> changes)
    {
        context.Out.WriteLine($"{{\n\"from\": \"{before}\",\n\"to\": \"{after}\",\n\"changes\": [");
        var first = true;
        foreach (var c in changes)
        {
            context.Out.Write(first ? "" : ",\n");
            first = false;
            context.Out.Write($"{{\"change\": \"{Name(c.Kind)}\", \"fields\": {System.Text.Json.JsonSerializer.Serialize(c.ChangedFields)}, ");
            context.Out.Write($"\"before\": {(c.Before is null ? "null" : AssetJson.Serialize(c.Before))}, ");
            context.Out.Write($"\"after\": {(c.After is null ? "null" : AssetJson.Serialize(c.After))}}}");
        }

        context.Out.WriteLine("\n]\n}");
    }

    private static string Name(AssetChangeKind kind) => kind.ToString().ToLowerInvariant();
}
