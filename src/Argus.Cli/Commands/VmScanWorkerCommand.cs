using System.CommandLine;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.Cli.Terminal;
using Argus.VmScan.Disks;
using Argus.VmScan.Scanner;
using Argus.VmScan.Workflow;
using Argus.Vulnerability;
using Argus.Vulnerability.Osv;

namespace Argus.Cli.Commands;

/// <summary>'argus vm-scan worker': runs on a scanner Argus launched, reading the volumes attached to it.</summary>
public static class VmScanWorkerCommand
{
    public static Command Create(CliContext context)
    {
        var scanId = new Option<string>("--scan-id") { Description = "The scan whose jobs to answer.", Required = true, HelpName = "ID" };
        var results = new Option<string>("--results") { Description = "Where the jobs are and the results go: s3://argus-vm-scan-<name>/<prefix>.", Required = true, HelpName = "S3-URL" };
        var region = new Option<string>("--region") { Description = "The results bucket's region (the scanner's).", Required = true, HelpName = "REGION" };
        var osv = new Option<string?>("--osv") { Description = "The OSV database (folder or zip) to match against; without it (or $ARGUS_OSV), packages are listed without matching.", HelpName = "PATH" };
        var idle = new Option<string>("--idle-limit") { Description = "Stop when no job came for this long (the instance then shuts down and terminates).", DefaultValueFactory = _ => "60m", HelpName = "AGE" };
        var command = new Command("worker", """
            Answer a VM scan's jobs on the scanner instance Argus launched for it (its user data runs this).

            Polls <results>/<scan-id>/jobs/ for a job per volume Argus attached to this instance, finds the volume's
            device by its id (/dev/disk/by-id on Nitro instances), reads its file systems read-only in process
            (inventory and OSV matching, as attach mode does), and puts the result, or an error naming what failed, at
            <results>/<scan-id>/results/<volume-id>.json. Ends when Argus writes the END marker or after --idle-limit.
            Credentials come from the instance profile (the default chain); none are passed.

            Examples:
              argus vm-scan worker --scan-id vm-20261126T013000-1a2b3c --results s3://argus-vm-scan-111122223333/scans --region eu-west-1 --osv /opt/argus/osv
            """)
        {
            scanId, results, region, osv, idle,
        };
        command.SetAction(context, (parse, cancellation) =>
        {
            var id = parse.GetValue(scanId)!;
            if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new CliException($"--scan-id '{id}' is not a scan id (vm-YYYYMMDDTHHMMSS-xxxxxx)", ExitCodes.Usage);
            }

            ResultsLocation location;
            try
            {
                location = ResultsLocation.Parse(parse.GetValue(results)!);
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message, ExitCodes.Usage);
            }

            var limit = RuleUsageCommand.ParseAge(parse.GetValue(idle)!, "--idle-limit");
            var osvPath = parse.GetValue(osv) ?? Environment.GetEnvironmentVariable(VulnerabilityScanOptions.DefaultOsvEnvironmentVariable);
            var database = osvPath is null ? null : OsvDatabase.Load(Path.GetFullPath(osvPath));
            AWSCredentials credentials;
            try
            {
                credentials = AwsCallContext.FromDefaultChainAsync(parse.GetValue(region)!, cancellation).GetAwaiter().GetResult().Credentials;
            }
            catch (AmazonClientException e)
            {
                throw new CliException($"no credentials for the worker (the instance profile, through the default chain): {e.Message}");
            }

            var name = WorkerName(cancellation);
            using var store = new S3ResultsStore(location, credentials, parse.GetValue(region)!, VmScanLaunchOptions.S3Endpoint());
            var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance);
            var worker = new VmScanWorker(store, location, id, new NvmeDeviceLocator(Environment.GetEnvironmentVariable(DeviceRootVariable) ?? "/"), new AwsBlockDevices(client),
                new DiskScannerReader(new DiskScanner(new VulnerabilityScanner(database))), name)
            {
                IdleLimit = limit,
            };
            context.Error.WriteLine($"Worker {name} for scan {id}: jobs under {location}/{location.JobsFolder(id)}; {(database is null ? "no OSV database: packages only" : "matching against " + osvPath)}");
            try
            {
                var answered = worker.RunAsync(new Log(context), cancellation).GetAwaiter().GetResult();
                context.Error.WriteLine($"Answered {answered} jobs.");
                return ExitCodes.Ok;
            }
            catch (AmazonServiceException e)
            {
                throw new CliException($"the results location {location} refused: {e.Message}");
            }
        });
        return command;
    }

    /// <summary>Where device nodes are looked for, for tests ("/" on the instance).</summary>
    public const string DeviceRootVariable = "ARGUS_DEVICE_ROOT";

    private static string WorkerName(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var imds = Environment.GetEnvironmentVariable(VmScanCommand.ImdsEndpointVariable) is { } e ? new Uri(e) : null;
        try
        {
            return new InstanceMetadata(http, imds).InstanceIdAsync(ct).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            return Environment.MachineName;
        }
    }

    private sealed class Log(CliContext context) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (context)
            {
                context.Error.WriteLine("  " + value);
            }
        }
    }
}
