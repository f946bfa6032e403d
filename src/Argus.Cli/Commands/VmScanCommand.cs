using System.CommandLine;
using Argus.Aws.Client;
using Argus.Cli.Terminal;
using Argus.Storage;
using Argus.VmScan.Workflow;

namespace Argus.Cli.Commands;

/// <summary>'argus vm-scan run|resume|cleanup': agentless scanning of EC2 instances from snapshots of their volumes.</summary>
public static class VmScanCommand
{
    /// <summary>Where the IMDS is asked for the scanner instance's id (tests point it at a local server).</summary>
    public const string ImdsEndpointVariable = "ARGUS_IMDS_ENDPOINT";

    public static Command Create(CliContext context)
    {
        var command = new Command("vm-scan", """
            Scan EC2 instances for known vulnerabilities without an agent, from snapshots of all their EBS volumes.

            Each volume is snapshotted, shared or copied to the scanner when needed, read (through the EBS direct
            APIs, or attached to a scanner instance) and its file systems inventoried and matched; then everything
            Argus created is removed. Argus only creates resources tagged argus:owner=argus and argus:scan-id=<id>,
            and only ever changes or deletes resources carrying both. Needs the vuln.vm-scan feature's permissions
            ('argus onboarding aws --features vuln.vm-scan'); docs/vm-scanning.md explains the workflow.

            Examples:
              argus vm-scan run --regions eu-west-1 --tag env=prod                 # dry run: the plan and the calls
              argus vm-scan run --regions eu-west-1 --instance-ids i-0abc --execute --osv ./osv
              argus vm-scan resume vm-20261126T013000-1a2b3c --execute
              argus vm-scan cleanup --regions eu-west-1 --older-than 2h --execute
            """);
        command.Subcommands.Add(VmScanRunCommand.Create(context, resume: false));
        command.Subcommands.Add(VmScanRunCommand.Create(context, resume: true));
        command.Subcommands.Add(CreateCleanup(context));
        command.Subcommands.Add(VmScanWorkerCommand.Create(context));
        return command;
    }

    /// <summary>The journal folder: vm-scans/ next to the SQLite store, or next to the default one for PostgreSQL.</summary>
    public static JournalFolder Journals(ParseResult parse)
    {
        var location = parse.GetValue(CommonOptions.Db) ?? Environment.GetEnvironmentVariable(Wiring.Stores.EnvironmentVariable);

        // A PostgreSQL location (keywords or a URI) has no folder; its journals go next to the default SQLite file.
        var postgres = location is not null && (location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres", StringComparison.OrdinalIgnoreCase));
        var store = string.IsNullOrWhiteSpace(location) || postgres ? StoreFactory.DefaultSqlitePath : Path.GetFullPath(location);
        return new JournalFolder(Path.Combine(Path.GetDirectoryName(store)!, "vm-scans"));
    }

    internal static IReadOnlyList<string> Regions(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } regions
            ? regions
            : throw new CliException("name the regions to look in: --regions eu-west-1[,us-east-1...]", ExitCodes.Usage);

    private static Command CreateCleanup(CliContext context)
    {
        var access = new VmScanAccessOptions();
        var regions = new Option<string?>("--regions") { Description = "Comma-separated regions of the scanned account (and the scanner's) to look in.", HelpName = "LIST" };
        var scannerRegion = new Option<string?>("--scanner-region") { Description = "Also look in this region of the scanner account.", HelpName = "REGION" };
        var scanId = new Option<string?>("--scan-id") { Description = "Only this scan's leftovers. Default: every scan's.", HelpName = "ID" };
        var olderThan = new Option<string?>("--older-than") { Description = "Only leftovers created longer ago than this (90m, 2h, 1d), so running scans are left alone.", HelpName = "AGE" };
        var execute = new Option<bool>("--execute") { Description = "Remove them. Without it, only list what would be removed." };
        var accounts = new VmScanAccountsOptions();
        var roleName = new Option<string>("--role-name") { Description = "With --accounts or --org: the Argus role assumed in each account.", DefaultValueFactory = _ => "ArgusOperator", HelpName = "NAME" };
        var command = new Command("cleanup", """
            Find what VM scans left behind by tag alone (no journal needed) and remove it.

            Looks for volumes and snapshots tagged argus:owner=argus, for the KMS grants named argus-scan-<id> on
            their keys and on the keys of the scans journaled here, and for launched scanners (instances and their
            VPC, subnet, internet gateway, route table and security group). Scanner instances are terminated first;
            attached volumes are detached before deletion; grants are retired before their snapshot is deleted; the
            network goes last. A resource with the owner tag but without a scan id is reported and never touched.
            Without --execute nothing is changed.

            Examples:
              argus vm-scan cleanup --regions eu-west-1                       # what is left, changes nothing
              argus vm-scan cleanup --regions eu-west-1,us-east-1 --older-than 2h --execute
              argus vm-scan cleanup --regions eu-west-1 --scan-id vm-20261126T013000-1a2b3c --execute
              argus vm-scan cleanup --regions eu-west-1 --accounts 111122223333,444455556666 --older-than 2h --execute
            """)
        {
            regions, scannerRegion, scanId, olderThan, execute, roleName,
        };
        foreach (var option in access.All.Concat(accounts.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, cancellation) =>
        {
            var list = Regions(parse.GetValue(regions));
            var limit = parse.GetValue(olderThan) is { } age ? DateTimeOffset.UtcNow - RuleUsageCommand.ParseAge(age, "--older-than") : (DateTimeOffset?)null;
            var named = accounts.Named(parse, parse.GetValue(access.RoleArn) is not null);
            var (client, scan) = access.Connect(parse, list[0], cancellation);
            if (named is not null)
            {
                scan = VmScanAccountsOptions.Extend(parse, accounts, client, scan, access.ScannerCredentials(parse, cancellation), list[0], parse.GetValue(roleName)!,
                    parse.GetValue(access.ExternalId), named, cancellation);
            }

            var contexts = scan.TargetAccounts.SelectMany(a => list.Select(r => scan.TargetIn(a, r))).ToList();
            var scannerRegions = parse.GetValue(scannerRegion) is { } extra ? list.Append(extra).Distinct() : list;
            contexts.AddRange(scannerRegions.Select(scan.Scanner).Where(c => !contexts.Contains(c)));
            var journals = Journals(parse);
            var keys = new List<(AwsCallContext, string)>();
            foreach (var id in parse.GetValue(scanId) is { } one ? [one] : journals.List())
            {
                if (journals.Load(id) is { } journal)
                {
                    keys.AddRange(journal.Plan.Instances.Where(i => scan.TargetAccounts.Contains(i.Account))
                        .SelectMany(i => i.Volumes.Where(v => v.KeyCase == KeyCase.CustomerManagedKey).Select(v => (scan.TargetIn(i.Account, i.Region), v.KmsKeyId!))));
                }
            }

            var options = new VmScanOptions(list, [], new Dictionary<string, string?>());
            var cloud = new VmScanCloud(client, Log(context));
            IReadOnlyList<CleanupItem> items;
            try
            {
                items = new VmScanCleaner(cloud, options, Log(context))
                    .CleanAsync(contexts, parse.GetValue(scanId), limit, keys.Distinct().ToList(), parse.GetValue(execute), cancellation).GetAwaiter().GetResult();
            }
            catch (AwsApiException e)
            {
                throw new CliException($"cannot look for leftovers: {e.Message}");
            }

            if (items.Count == 0)
            {
                context.Out.WriteLine("Nothing left by Argus VM scans" + (parse.GetValue(scanId) is { } s ? $" of scan {s}" : "") + ".");
                return ExitCodes.Ok;
            }

            TableWriter.Write(context, ["kind", "id", "region", "scan", "outcome"],
                items.Select(i => (IReadOnlyList<string>)[i.Kind, i.Id, i.Region, i.ScanId ?? "", i.Outcome]));
            if (!parse.GetValue(execute))
            {
                context.Out.WriteLine("Dry run: nothing was changed. Add --execute to remove them.");
            }

            return items.Any(i => i.Outcome.StartsWith("failed", StringComparison.Ordinal) || i.Outcome.StartsWith("refused", StringComparison.Ordinal)) ? ExitCodes.Degraded : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Every write and refusal on standard error as it happens: action and resource id, never credentials.</summary>
    internal static IProgress<VmScanEvent> Log(CliContext context) => new SyncLog(context);

    private sealed class SyncLog(CliContext context) : IProgress<VmScanEvent>
    {
        public void Report(VmScanEvent value)
        {
            if (value.Kind is "write" or "refused" or "warning")
            {
                lock (context)
                {
                    context.Error.WriteLine($"  {value}");
                }
            }
        }
    }
}
