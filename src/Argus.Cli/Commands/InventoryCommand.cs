using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Model;
using Argus.Storage;

namespace Argus.Cli.Commands;

public static class InventoryCommand
{
    private const int DefaultTableLimit = 200;

    public static Command Create(CliContext context)
    {
        var type = new Option<string?>("--type", "-t") { Description = "Asset type, exact (aws.ec2.instance) or a prefix ending in * (aws.ec2.*).", HelpName = "TYPE" };
        var account = new Option<string?>("--account", "-a") { Description = "Only this account id.", HelpName = "ID" };
        var region = new Option<string?>("--region", "-r") { Description = "Only this region ('global' for IAM, Organizations, S3 bucket list).", HelpName = "NAME" };
        var tag = new Option<string[]>("--tag") { Description = "Tag filter, KEY or KEY=VALUE; repeat to require several.", HelpName = "KEY[=VALUE]", AllowMultipleArgumentsPerToken = false };
        var format = CommonOptions.Format("table", "json", "csv");
        var summary = new Option<bool>("--summary") { Description = "Count assets per type, with how many accounts and regions hold them, instead of listing them." };
        var limit = new Option<int?>("--limit") { Description = $"Most rows in a table (default {DefaultTableLimit}; 0 for all). JSON and CSV are never cut.", HelpName = "N" };

        var command = new Command("inventory", """
            List the assets of a snapshot: accounts, networks, workloads, identities, buckets.

            Examples:
              argus inventory --summary
              argus inventory --type aws.ec2.security-group --account 111111111111
              argus inventory --type 'aws.ec2.*' --region eu-west-1 --format csv > ec2.csv
              argus inventory --tag environment=prod --type aws.ec2.instance --format json
            """)
        {
            CommonOptions.Snapshot, type, account, region, tag, format, summary, limit,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var snapshot = CommandRunner.ResolveSnapshot(store, parse.GetValue(CommonOptions.Snapshot)!);
            var query = new AssetQuery(parse.GetValue(type), parse.GetValue(account), parse.GetValue(region), parse.GetValue(tag));
            var assets = store.QueryAssets(snapshot.Id, query);
            var chosen = parse.GetValue(format)!;
            if (parse.GetValue(summary))
            {
                WriteSummary(context, chosen, snapshot, assets);
                return ExitCodes.Ok;
            }

            switch (chosen)
            {
                case "json":
                    AssetJson.WriteArray(context.Out, assets);
                    break;
                case "csv":
                    CsvWriter.WriteRow(context.Out, ["id", "type", "provider", "account", "region", "name", "tags"]);
                    foreach (var a in assets)
                    {
                        CsvWriter.WriteRow(context.Out, [a.Id, a.Type, a.Provider.ToName(), a.Account, a.Region, a.Name, FormatTags(a)]);
                    }

                    break;
                default:
                    WriteTable(context, snapshot, assets, parse.GetValue(limit) ?? DefaultTableLimit);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliContext context, Snapshot snapshot, IEnumerable<Asset> assets, int limit)
    {
        var rows = new List<IReadOnlyList<string>>();
        var total = 0;
        foreach (var a in assets)
        {
            total++;
            if (limit == 0 || rows.Count < limit)
            {
                rows.Add([a.Type, a.Account, a.Region, a.Name, a.Id]);
            }
        }

        if (total == 0)
        {
            context.Out.WriteLine($"No assets match in {snapshot.Id}.");
            return;
        }

        TableWriter.Write(context, ["type", "account", "region", "name", "id"], rows);
        if (rows.Count < total)
        {
            context.Error.WriteLine($"Showing {rows.Count:N0} of {total:N0} assets; use --limit 0, --format csv or a filter to see the rest.");
        }
    }

    private static void WriteSummary(CliContext context, string format, Snapshot snapshot, IEnumerable<Asset> assets)
    {
        var counts = new SortedDictionary<string, (int Count, HashSet<string> Accounts, HashSet<string> Regions)>(StringComparer.Ordinal);
        foreach (var a in assets)
        {
            if (!counts.TryGetValue(a.Type, out var entry))
            {
                entry = (0, [], []);
            }

            entry.Accounts.Add(a.Account);
            entry.Regions.Add(a.Region);
            counts[a.Type] = (entry.Count + 1, entry.Accounts, entry.Regions);
        }

        var rows = counts.Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value.Count.ToString("N0"), kv.Value.Accounts.Count.ToString(), kv.Value.Regions.Count.ToString()]).ToList();
        switch (format)
        {
            case "json":
                context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                    counts.ToDictionary(kv => kv.Key, kv => new { count = kv.Value.Count, accounts = kv.Value.Accounts.Count, regions = kv.Value.Regions.Count }),
                    CliJson.Options));
                break;
            case "csv":
                CsvWriter.WriteRow(context.Out, ["type", "count", "accounts", "regions"]);
                foreach (var row in counts)
                {
                    CsvWriter.WriteRow(context.Out, [row.Key, row.Value.Count.ToString(), row.Value.Accounts.Count.ToString(), row.Value.Regions.Count.ToString()]);
                }

                break;
            default:
                TableWriter.Write(context, ["type", "assets", "accounts", "regions"], rows, $"Inventory of {snapshot.Id}");
                context.Out.WriteLine($"{counts.Values.Sum(v => v.Count):N0} assets of {counts.Count} types");
                break;
        }
    }

    private static string FormatTags(Asset a) =>
        string.Join(";", a.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
}
