using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Import;
using Argus.Storage.Import;

namespace Argus.Cli.Commands;

public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path")
        {
            Description = "A snapshot bundle (folder with manifest.json, or .tar.gz), or a folder of AWS CLI JSON output "
                + "laid out as aws_configs/[accounts/<id>/][<region>/]*.json.",
        };
        var account = new Option<string?>("--account") { Description = "Account id for AWS CLI output that does not say (no accounts/<id>/ folder).", HelpName = "ID" };
        var region = new Option<string?>("--region") { Description = "Region for AWS CLI output without a <region>/ folder.", HelpName = "NAME" };
        var label = new Option<string?>("--label") { Description = "A label stored with the snapshot, e.g. 'audit 2026-Q4'.", HelpName = "TEXT" };
        var newId = new Option<bool>("--new-id") { Description = "Give an imported bundle a new snapshot id, so a bundle already in the store can be imported again." };

        var command = new Command("import", """
            Import a snapshot: an exported Argus bundle, or AWS CLI output collected by anyone.

            AWS CLI files are recognised by their top-level key ({"SecurityGroups": [...]} is describe-security-groups),
            whatever they are called. Unrecognised files are listed and skipped; a malformed file stops the import with
            its path, line and column, and nothing is stored: an import lands whole or not at all.

            Examples:
              argus import ./audit/aws_configs --account 123456789012 --region eu-west-1
              argus import snapshot.tar.gz
              aws ec2 describe-security-groups --output json > cfg/aws_configs/eu-west-1/sgs.json && argus import cfg
            """)
        {
            path, account, region, label, newId,
        };
        command.SetAction(context, (parse, cancellation) =>
        {
            var source = Sources.Open(parse.GetValue(path)!, parse.GetValue(account), parse.GetValue(region));
            var header = source.Header;
            if (parse.GetValue(newId))
            {
                header = header with { Id = null };
            }

            if (parse.GetValue(label) is { } text)
            {
                header = header with { Label = text };
            }

            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var importer = new SnapshotImporter(store, Normalizers.All);
            var result = ImportProgressDisplay.Run(context, $"Importing {source.Description}", p => importer.Import(new SourceWithHeader(source, header), p, cancellation));
            Report(context, result, store.Description);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static void Report(CliContext context, ImportResult result, string storeDescription)
    {
        var s = result.Snapshot;
        context.Out.WriteLine($"Imported snapshot {s.Id} into {storeDescription}");
        context.Out.WriteLine($"  {s.Counts.Documents:N0} raw documents, {s.Counts.Assets:N0} assets, {s.Counts.Relations:N0} relations, "
            + $"{Plural(s.Scopes.Select(x => x.Account).Distinct().Count(), "account")}, {Plural(s.Gaps.Count, "coverage gap")}, in {result.Elapsed.TotalSeconds:N1} s");
        if (s.Gaps.Count > 0)
        {
            // Never a silent pass: say what could not be collected and which permission would fix it.
            context.Out.WriteLine($"  Coverage gaps ({s.Gaps.Count}): checks that need this data will report ERROR or NOT_AUTHORIZED:");
            foreach (var gap in s.Gaps.Take(10))
            {
                context.Out.WriteLine($"    {gap.Account} {gap.Region} {gap.Service}:{gap.Operation}: {gap.Reason}, needs {gap.Permission}");
            }

            if (s.Gaps.Count > 10)
            {
                context.Out.WriteLine($"    ... and {s.Gaps.Count - 10} more ('argus snapshots --format json' lists them all)");
            }
        }

        foreach (var group in result.Notices.GroupBy(n => n.Kind))
        {
            context.Out.WriteLine($"  {group.Key} ({group.Count()}):");
            foreach (var notice in group.Take(20))
            {
                context.Out.WriteLine($"    {notice.Path}: {notice.Message}");
            }

            if (group.Count() > 20)
            {
                context.Out.WriteLine($"    ... and {group.Count() - 20} more");
            }
        }

        if (result.NormalizerWarnings.Count > 0)
        {
            context.Out.WriteLine($"  Items the normalizer could not read ({result.NormalizerWarnings.Count}, kept in the raw documents):");
            foreach (var warning in result.NormalizerWarnings.Take(10))
            {
                context.Out.WriteLine($"    {warning}");
            }
        }
    }

    private static string Plural(int n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";
}
