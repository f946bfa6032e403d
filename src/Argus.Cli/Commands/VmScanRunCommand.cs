using System.CommandLine;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.Cli.Terminal;
using Argus.Core.Model;
using Argus.VmScan.Disks;
using Argus.VmScan.Workflow;
using Argus.Vulnerability;

namespace Argus.Cli.Commands;

/// <summary>'argus vm-scan run' (plan, dry run or execute) and 'argus vm-scan resume' (continue a journaled scan).</summary>
public static class VmScanRunCommand
{
    private static readonly string[] Reads = ["sts:GetCallerIdentity", "ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DescribeSnapshots", "kms:DescribeKey", "kms:ListGrants"];

    private static readonly string[] LaunchReads = ["ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeInternetGateways", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "s3:GetObject", "s3:ListBucket"];

    public static Command Create(CliContext context, bool resume)
    {
        var access = new VmScanAccessOptions();
        var scan = new VulnerabilityScanOptions();
        var regions = new Option<string?>("--regions") { Description = "Comma-separated regions to scan instances in.", HelpName = "LIST" };
        var instanceIds = new Option<string?>("--instance-ids") { Description = "Only these comma-separated instances. Default: every running or stopped instance.", HelpName = "LIST" };
        var tags = new Option<string[]>("--tag") { Description = "Only instances with this tag (KEY=VALUE, or KEY for any value); repeat to require several.", HelpName = "KEY[=VALUE]", AllowMultipleArgumentsPerToken = false };
        var mode = new Option<string>("--mode") { Description = "How the scanner reads: direct (EBS direct APIs, no instance) or attach (a volume attached to --scanner-instance).", DefaultValueFactory = _ => "direct" };
        mode.AcceptOnlyFromAmong("direct", "attach");
        var scannerRegion = new Option<string?>("--scanner-region") { Description = "Where the scanner reads; snapshots from other regions are copied there. Default: the first of --regions.", HelpName = "REGION" };
        var scannerKey = new Option<string?>("--scanner-kms-key") { Description = "The scanner's KMS key: volumes encrypted with the AWS managed aws/ebs key (which cannot be shared) are copied under it first.", HelpName = "KEY-ARN" };
        var scannerInstance = new Option<string?>("--scanner-instance") { Description = "Attach mode: 'self' (the instance Argus runs on, found through IMDSv2) or an instance id; it must carry argus:owner=argus.", HelpName = "self|i-..." };
        var scannerPrincipal = new Option<string?>("--scanner-principal") { Description = "The role given the KMS grant for customer-key volumes. Default: arn:aws:iam::<scanner account>:role/<--role-name>.", HelpName = "ARN" };
        var launch = new VmScanLaunchOptions();
        var accounts = new VmScanAccountsOptions();
        var roleName = new Option<string>("--role-name") { Description = "The Argus role name in the scanner account (the generated policy lets grants go only to it).", DefaultValueFactory = _ => "ArgusOperator", HelpName = "NAME" };
        var timeLimit = new Option<string>("--time-limit") { Description = "Stop and clean up when the scan has run this long (90m, 2h).", DefaultValueFactory = _ => "30m", HelpName = "AGE" };
        var execute = new Option<bool>("--execute") { Description = "Perform the scan. Without it, print the plan, the calls it would make and the permissions they need, and change nothing." };
        var scanId = new Argument<string>("scan-id") { Description = "The scan to continue, as 'run' printed it." };
        var command = resume
            ? new Command("resume", """
                Continue a scan that was interrupted (a crash, a lost connection) from its journal.

                The journal, saved after every step in the vm-scans folder next to the store, says which resources the
                scan created; a step whose answer was lost is found again by its scan-id tag, never made twice.

                Examples:
                  argus vm-scan resume vm-20261126T013000-1a2b3c --execute --osv ./osv
                """) { scanId }
            : new Command("run", """
                Plan and, with --execute, run an agentless scan of EC2 instances and all their EBS volumes.

                Without --execute this is a dry run: it lists the instances, volumes and their key case (unencrypted,
                customer managed key: a grant scoped to the scan; AWS managed aws/ebs key: a copy under
                --scanner-kms-key), every write it would make and the permissions they need. With --execute each write
                is logged on standard error as it is made, the results are reported like 'argus image scan' per instance,
                and everything created is removed; a time limit or Ctrl-C also removes it.

                Examples:
                  argus vm-scan run --regions eu-west-1 --tag env=prod
                  argus vm-scan run --regions eu-west-1 --instance-ids i-0abc,i-0def --execute --osv ./osv --fail-on high
                  argus vm-scan run --regions eu-west-1 --mode attach --scanner-instance self --execute
                  argus vm-scan run --regions eu-west-1,us-east-1 --scanner-region eu-west-1 --role-arn arn:aws:iam::111122223333:role/ArgusOperator --execute
                  argus vm-scan run --regions eu-west-1 --org --exclude-accounts 444455556666 --external-id 7f3c... --execute
                  argus vm-scan run --regions eu-west-1 --mode attach --scanner launch --scanner-ami ami-0abc --scanner-instance-profile ArgusOperator-scanner \
                    --results s3://argus-vm-scan-111122223333/scans --spot --execute

                With --scanner launch, Argus creates a scanner for the scan (a VPC, subnet, internet gateway, route table
                and security group without inbound rules, then the instance, all tagged with the scan id), attaches the
                volumes to it, gets each volume's results from the worker on it through --results, and removes it all
                after. The image must have argus installed (docs/vm-scanning.md, "Scanner infrastructure").

                Exit codes: 0 done; 4 a volume failed, the time limit was hit or something could not be cleaned up;
                5 --fail-on threshold reached; 130 cancelled (after cleanup).
                """)
            {
                regions, instanceIds, tags, mode, scannerRegion, scannerKey, scannerInstance, scannerPrincipal, roleName,
            };
        command.Options.Add(timeLimit);
        command.Options.Add(execute);
        if (!resume)
        {
            foreach (var option in launch.All.Concat(accounts.All))
            {
                command.Options.Add(option);
            }
        }

        // The instance's own account is where its findings belong: --provider/--account are for scans that cannot tell.
        foreach (var option in access.All.Concat(scan.All.Where(o => o != scan.Provider && o != scan.Account)))
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, cancellation) =>
        {
            var journals = VmScanCommand.Journals(parse);
            var limit = RuleUsageCommand.ParseAge(parse.GetValue(timeLimit)!, "--time-limit");
            ScanJournal? earlier = null;
            VmScanOptions options;
            if (resume)
            {
                var id = parse.GetValue(scanId)!;
                if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    throw new CliException($"'{id}' is not a scan id (vm-YYYYMMDDTHHMMSS-xxxxxx)", ExitCodes.Usage);
                }

                earlier = journals.Load(id) ?? throw new CliException($"no journal for scan {id} in {journals.Folder}; 'argus vm-scan cleanup --scan-id {id} --execute' removes its leftovers by tag", ExitCodes.BadInput);
                options = new VmScanOptions(earlier.Plan.Instances.Select(i => i.Region).Distinct().ToList(), [], new Dictionary<string, string?>(), earlier.Plan.Mode) { TimeLimit = limit };
            }
            else
            {
                options = new VmScanOptions(VmScanCommand.Regions(parse.GetValue(regions)),
                    parse.GetValue(instanceIds)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                    (parse.GetValue(tags) ?? []).Select(t => t.Split('=', 2)).ToDictionary(t => t[0], t => t.Length > 1 ? t[1] : null, StringComparer.Ordinal),
                    parse.GetValue(mode) == "attach" ? ReadMode.Attach : ReadMode.Direct,
                    parse.GetValue(scannerRegion), parse.GetValue(scannerKey), parse.GetValue(scannerInstance), parse.GetValue(scannerPrincipal), parse.GetValue(roleName)!)
                { TimeLimit = limit, Launch = launch.Parse(parse, parse.GetValue(mode) == "attach", parse.GetValue(scannerInstance)) };
            }

            var named = resume ? null : accounts.Named(parse, parse.GetValue(access.RoleArn) is not null);
            var home = options.Regions.Count > 0 ? options.Regions[0] : earlier!.Plan.ScannerRegion;
            var (client, scanAccess) = access.Connect(parse, home, cancellation);
            if (named is not null)
            {
                scanAccess = VmScanAccountsOptions.Extend(parse, accounts, client, scanAccess, access.ScannerCredentials(parse, cancellation), home, parse.GetValue(roleName)!,
                    parse.GetValue(access.ExternalId), named, cancellation);
            }
            else if (earlier is not null && earlier.Plan.Instances.Select(i => i.Account).Distinct().ToList() is var journaled && journaled.Any(a => a != scanAccess.TargetAccount))
            {
                // A several-account scan resumes in the accounts its journal names, through the same role name.
                scanAccess = VmScanAccountsOptions.Extend(parse, null, client, scanAccess, access.ScannerCredentials(parse, cancellation), home,
                    earlier.Plan.ReaderPrincipal.Split('/')[^1], parse.GetValue(access.ExternalId), journaled, cancellation);
            }

            var cloud = new VmScanCloud(client, VmScanCommand.Log(context));
            ScanPlan plan;
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                var imds = Environment.GetEnvironmentVariable(VmScanCommand.ImdsEndpointVariable) is { } e ? new Uri(e) : null;
                plan = earlier?.Plan ?? ProgressLine.Run(context, "Planning: instances, volumes and keys",
                    () => new VmScanPlanner(cloud, scanAccess, new InstanceMetadata(http, imds)).PlanAsync(options, DateTimeOffset.UtcNow, cancellation).GetAwaiter().GetResult());
            }
            catch (Exception e) when (e is VmScanPlanException or InvalidOperationException)
            {
                throw new CliException(e.Message, ExitCodes.BadInput);
            }
            catch (AwsApiException e)
            {
                throw new CliException($"cannot plan the scan: {e.Message}", ExitCodes.BadInput);
            }

            WritePlan(context, plan);
            if (!parse.GetValue(execute))
            {
                WriteDryRun(context, plan);
                return ExitCodes.Ok;
            }

            if (plan.Instances.Count > 1 && parse.GetValue(scan.Output) is not null)
            {
                throw new CliException("-o writes one report; with several instances, scan them one at a time or write to standard output", ExitCodes.Usage);
            }

            var database = VulnerabilityScanRun.LoadDatabase(parse, scan);
            using var results = plan.Launch is { } launched
                ? new Argus.VmScan.Scanner.S3ResultsStore(launched.Results, scanAccess.Scanner(plan.ScannerRegion).Credentials, plan.ScannerRegion, VmScanLaunchOptions.S3Endpoint(), cloud.Count)
                : null;
            var runner = new VmScanRunner(cloud, scanAccess, journals, new AwsBlockDevices(client), new DiskScannerReader(new DiskScanner(new VulnerabilityScanner(database))),
                new NvmeDeviceLocator(), options, VmScanCommand.Log(context))
            {
                // Ctrl-C gives the process two minutes; what cleanup cannot finish by then, 'cleanup' finds by tag.
                CleanupLimit = TimeSpan.FromSeconds(100),
                Results = results,
            };
            context.Error.WriteLine($"Scan {plan.ScanId}: journal {journals.PathOf(plan.ScanId)}");
            VmScanResult result;
            try
            {
                result = ProgressLine.Run(context, $"Scanning {plan.Instances.Sum(i => i.Volumes.Count)} volumes of {plan.Instances.Count} instances",
                    () => (resume ? runner.ResumeAsync(plan.ScanId, cancellation) : runner.RunAsync(plan, cancellation)).GetAwaiter().GetResult());
            }
            catch (VmScanPlanException e)
            {
                throw new CliException(e.Message, ExitCodes.BadInput);
            }

            return Report(context, parse, scan, result);
        });
        return command;
    }

    private static void WritePlan(CliContext context, ScanPlan plan)
    {
        context.Out.WriteLine($"Scan {plan.ScanId}: {plan.Instances.Count} instances, {plan.Instances.Sum(i => i.Volumes.Count)} volumes; mode {Mode(plan.Mode)}; "
            + $"scanner account {plan.ScannerAccount} in {plan.ScannerRegion}" + (plan.ScannerInstanceId is { } i ? $", instance {i} ({plan.ScannerAvailabilityZone})" : "")
            + (plan.Launch is { } l ? $", a launched {l.InstanceType}{(l.Spot ? " spot" : "")} scanner from {l.ImageId} in {plan.ScannerAvailabilityZone} (new VPC {l.Cidr}), results through {l.Results}" : ""));
        TableWriter.Write(context, ["instance", "name", "account", "region", "volume", "device", "GiB", "key case"],
            plan.Instances.SelectMany(i => i.Volumes.Select(v => (IReadOnlyList<string>)[i.InstanceId, i.Name ?? "", i.Account, i.Region, v.VolumeId, v.Device, v.SizeGiB.ToString(System.Globalization.CultureInfo.InvariantCulture), KeyCaseName(v.KeyCase)])));
    }

    private static void WriteDryRun(CliContext context, ScanPlan plan)
    {
        var calls = PlannedCalls.For(plan);
        context.Out.WriteLine();
        TableWriter.Write(context, ["action", "on", "account", "region", "why"],
            calls.Select(c => (IReadOnlyList<string>)[c.Action, c.Resource, c.Account, c.Region, c.Why]), "Writes it would make");
        var actions = Reads.Concat(plan.Mode == ReadMode.Direct ? ["ebs:ListSnapshotBlocks", "ebs:GetSnapshotBlock"] : []).Concat(plan.Launch is null ? [] : [.. LaunchReads, "iam:PassRole"]).Concat(calls.Select(c => c.Action)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        context.Out.WriteLine();
        TableWriter.Write(context, ["permission", "access", "why"],
            actions.Select(a => AwsPermissionCatalog.Instance.Find(Provider.Aws, a) is { } p
                ? (IReadOnlyList<string>)[a, p.Access.ToString().ToLowerInvariant(), p.Justification]
                : [a, "?", "not in the catalog"]),
            "Permissions it needs (all in the vuln.vm-scan feature)");
        if (plan.Launch is not null)
        {
            context.Out.WriteLine();
            context.Out.WriteLine("User data of the scanner instance (no credentials: its instance profile gives them):");
            context.Out.Write(Argus.VmScan.Scanner.WorkerUserData.Script(plan));
        }

        context.Out.WriteLine("Dry run: nothing was changed. Add --execute to scan.");
    }

    private static int Report(CliContext context, ParseResult parse, VulnerabilityScanOptions scan, VmScanResult result)
    {
        context.Out.WriteLine();
        TableWriter.Write(context, ["instance", "volume", "key case", "mode", "result"],
            result.Volumes.Select(v => (IReadOnlyList<string>)[v.Instance.InstanceId, v.Volume.VolumeId, KeyCaseName(v.Volume.KeyCase), Mode(v.Mode),
                v.Error is { } e ? "FAILED: " + e : v.Scans is null ? $"read in an earlier run: {v.Summary}" : v.Summary ?? ""]),
            $"Scan {result.Plan.ScanId}: {result.Ending}");
        context.Error.WriteLine("Calls: " + string.Join(", ", result.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        foreach (var left in result.Leftovers)
        {
            context.Error.WriteLine($"warning: left behind: {left}");
        }

        var code = ExitCodes.Ok;
        foreach (var instance in result.Plan.Instances)
        {
            var outcomes = result.Volumes.Where(v => v.Instance.InstanceId == instance.InstanceId).ToList();
            if (InstanceReports.Merge(instance, outcomes, result.Plan.CreatedAt) is not { } report)
            {
                continue;
            }

            context.Out.WriteLine();
            context.Out.WriteLine($"== {instance.InstanceId} ({instance.Account}, {instance.Region}): {string.Join(", ", outcomes.Select(o => $"{o.Volume.VolumeId} {KeyCaseName(o.Volume.KeyCase)}"))}, {Mode(result.Plan.Mode)} read");
            code = Math.Max(code, VulnerabilityScanRun.Report(context, parse, scan, report, instance.InstanceId, (Provider.Aws, instance.Account)));
        }

        return result.Ending switch
        {
            "cancelled" => ExitCodes.Cancelled,
            _ when code == ExitCodes.FindingsAtOrAbove => code,
            "time-limit" => ExitCodes.Degraded,
            _ when result.Leftovers.Count > 0 || result.Volumes.Any(v => v.Error is not null) => ExitCodes.Degraded,
            _ => code,
        };
    }

    private static string Mode(ReadMode mode) => mode == ReadMode.Direct ? "direct (EBS direct APIs)" : "attach";

    private static string KeyCaseName(KeyCase keyCase) => keyCase switch
    {
        KeyCase.CustomerManagedKey => "customer managed key (grant)",
        KeyCase.AwsManagedKey => "aws/ebs (copied under scanner key)",
        _ => "unencrypted",
    };
}
