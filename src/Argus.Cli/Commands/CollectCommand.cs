using System.CommandLine;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Permissions;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Posture.Muting;
using Argus.Posture.Outputs;
using Argus.Reporting;
using Argus.Storage.Bundles;
using Argus.Storage.Import;

namespace Argus.Cli.Commands;

public static class CollectCommand
{
    public static Command Create(CliContext context)
    {
        var collect = new Command("collect", """
            Collect a snapshot live from a cloud account, read-only.

            Examples:
              argus collect aws --regions eu-west-1,eu-central-1
            """);
        collect.Subcommands.Add(Aws(context, scan: false));
        return collect;
    }

    /// <summary><c>argus scan aws</c>: the same collection, then the posture checks and the exposure analysis.</summary>
    public static Command ScanAws(CliContext context) => Aws(context, scan: true);

    private static Command Aws(CliContext context, bool scan)
    {
        var profile = new Option<string?>("--profile") { Description = "The AWS shared-config profile. Default: the SDK's default chain (environment, AWS_PROFILE, SSO, instance role).", HelpName = "NAME" };
        var regions = new Option<string?>("--regions") { Description = "Comma-separated regions to collect. Default: every region enabled for the account.", HelpName = "LIST" };
        var roleArn = new Option<string?>("--role-arn") { Description = "Assume this role (sts:AssumeRole) and collect the account it belongs to.", HelpName = "ARN" };
        var externalId = new Option<string?>("--external-id") { Description = "The sts:ExternalId the --role-arn role, and with --org the member roles, require.", HelpName = "ID" };
        var mfaSerial = new Option<string?>("--mfa-serial") { Description = "The MFA device (serial number or ARN) the --role-arn role's trust policy requires; with --token-code.", HelpName = "ARN" };
        var tokenCode = new Option<string?>("--token-code") { Description = "The MFA device's current six-digit code, used once for --role-arn and never printed or stored.", HelpName = "CODE" };
        var maxParallelAccounts = new Option<int>("--max-parallel-accounts")
        {
            Description = "With --org: member accounts collected at once, each at its own per-region rate.",
            DefaultValueFactory = _ => AwsOrganizationOptions.DefaultMaxParallelAccounts,
            HelpName = "N",
        };
        var org = new Option<bool>("--org") { Description = "From the management (or delegated admin) account: also collect every ACTIVE member account, assuming --org-role-name in each." };
        var orgRole = new Option<string>("--org-role-name") { Description = "The role assumed in each member account with --org.", DefaultValueFactory = _ => "ArgusReadOnly", HelpName = "NAME" };
        var include = new Option<string?>("--include-accounts") { Description = "With --org: only these comma-separated member account ids.", HelpName = "LIST" };
        var exclude = new Option<string?>("--exclude-accounts") { Description = "With --org: leave out these comma-separated member account ids.", HelpName = "LIST" };
        var concurrency = new Option<int>("--concurrency") { Description = "API calls in flight at once per region (global services count in the home region).", DefaultValueFactory = _ => 8, HelpName = "N" };
        var rate = new Option<double>("--rate") { Description = "API calls per second per region; halved automatically while AWS throttles.", DefaultValueFactory = _ => 10, HelpName = "N" };
        var bundle = new Option<string?>("--bundle") { Description = "Also export the snapshot as a bundle (.tar.gz or folder) to this path.", HelpName = "PATH" };
        var label = new Option<string?>("--label") { Description = "A label stored with the snapshot, e.g. 'audit 2026-Q4'.", HelpName = "TEXT" };
        var mutes = new Option<string?>("--mute-rules") { Description = "YAML file of posture mute rules (see docs/posture.md).", HelpName = "FILE" };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = $"Exit with code {ExitCodes.FindingsAtOrAbove} when a failed, not muted, finding has this severity or higher: critical, high, medium, low, informational.",
            HelpName = "SEVERITY",
        };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "informational");
        var report = new Option<string?>("--report") { Description = "Also write the self-contained HTML report to this path.", HelpName = "PATH" };
        var command = new Command("aws", scan ? """
            Collect one AWS account (or a whole organization) read-only, then analyse the snapshot: the posture
            checks (CIS AWS Foundations v7.0 and v3.0 and more) and the internet exposure analysis, with the findings
            recorded in the store. Takes every option of 'argus collect aws'; a cancelled collection is stored but
            not analysed.

            Examples:
              argus scan aws --regions eu-west-1,us-east-1 --report report.html
              argus scan aws --org --external-id 7f3c... --fail-on high
              argus scan aws --role-arn arn:aws:iam::111122223333:role/ArgusReadOnly --mute-rules mutes.yaml

            Exit codes: 0 done; 5 --fail-on threshold reached; 130 cancelled; 2 bad input; 3 store error.
            """ : """
            Collect one AWS account: every API answer Argus stores, in every enabled region, into the store.

            Argus only reads: it calls List, Describe and Get operations, never anything that changes the account,
            and never reads the data in buckets, databases or secrets. 'argus permissions' lists every IAM action it
            uses and why; 'argus onboarding aws' prints the policy. A call that is denied, throttled or fails becomes
            a coverage gap naming the permission, and collection goes on; with --org, so is a member account whose
            role cannot be assumed. Ctrl-C stops collecting and keeps what was collected, in a snapshot marked
            cancelled.

            Examples:
              argus collect aws --regions eu-west-1,eu-central-1
              argus collect aws --profile audit --label 'audit 2026-Q4' --bundle audit.tar.gz
              argus collect aws --role-arn arn:aws:iam::111122223333:role/ArgusReadOnly --external-id 7f3c...
              argus collect aws --role-arn arn:aws:iam::111122223333:role/ArgusReadOnly --mfa-serial arn:aws:iam::999999999999:mfa/me --token-code 123456
              argus collect aws --org --org-role-name ArgusReadOnly --external-id 7f3c... --exclude-accounts 444455556666
              argus collect aws --org --max-parallel-accounts 8 --regions eu-west-1,us-east-1

            Endpoints: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE> (e.g. AWS_ENDPOINT_URL_EC2) and the profile's
            endpoint_url are honoured, for VPC endpoints and local emulators; AWS_USE_FIPS_ENDPOINT=true uses FIPS endpoints.
            """)
        {
            profile, regions, roleArn, externalId, mfaSerial, tokenCode, org, orgRole, include, exclude, maxParallelAccounts, concurrency, rate, bundle, label,
        };
        if (scan)
        {
            command.Options.Add(mutes);
            command.Options.Add(failOn);
            command.Options.Add(report);
        }

        command.SetAction(context, (parse, cancellation) =>
        {
            if (parse.GetValue(concurrency) < 1 || parse.GetValue(rate) <= 0 || parse.GetValue(maxParallelAccounts) < 1)
            {
                throw new CliException("--concurrency, --rate and --max-parallel-accounts must be positive");
            }

            if ((parse.GetValue(mfaSerial) is null) != (parse.GetValue(tokenCode) is null) || (parse.GetValue(mfaSerial) is not null && parse.GetValue(roleArn) is null))
            {
                throw new CliException("--mfa-serial and --token-code go together, with --role-arn");
            }

            var options = new AwsCollectionOptions
            {
                Regions = List(parse.GetValue(regions)),
                Concurrency = parse.GetValue(concurrency),
                CallsPerSecond = parse.GetValue(rate),
                Label = parse.GetValue(label),
            };
            var profileName = parse.GetValue(profile);
            var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, AwsApiClientOptions.FromProfile(profileName));
            var credentials = Credentials(profileName, cancellation);
            if (parse.GetValue(roleArn) is { } role)
            {
                try
                {
                    credentials = new AssumedRoleCredentials(client, new AwsCallContext(credentials, options.HomeRegion), role, parse.GetValue(externalId),
                        parse.GetValue(mfaSerial), parse.GetValue(tokenCode));
                }
                catch (ArgumentException e)
                {
                    throw new CliException(e.Message);
                }
            }

            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var importer = new SnapshotImporter(store, Normalizers.All);
            var result = ImportProgressDisplay.Run(context, "Collecting AWS", p =>
            {
                var organization = parse.GetValue(org)
                    ? new AwsOrganizationOptions(parse.GetValue(orgRole)!, parse.GetValue(externalId), List(parse.GetValue(include)), List(parse.GetValue(exclude)),
                        parse.GetValue(maxParallelAccounts))
                    : null;
                var collector = Connect(client, credentials, options, organization, new CallsAsDocuments(p), cancellation);

                // The collector stops on Ctrl-C and the importer still commits what it collected, marked cancelled.
                return importer.Import(collector, new CallsAsDocuments(p, fromImporter: true), CancellationToken.None);
            });
            ImportCommand.Report(context, result, store.Description);
            if (parse.GetValue(bundle) is { } path)
            {
                var target = Path.GetFullPath(path);
                BundleWriter.Write(result.Snapshot, store.ReadDocuments(result.Snapshot.Id), target);
                context.Out.WriteLine($"Exported {result.Snapshot.Id} to {target}");
            }

            if (result.Snapshot.Status == Core.Model.SnapshotStatus.Cancelled)
            {
                if (scan)
                {
                    context.Error.WriteLine("Collection was cancelled: the partial snapshot is stored but not analysed ('argus scan posture' analyses it anyway).");
                }

                return ExitCodes.Cancelled;
            }

            return scan ? Analyse(context, store, result.Snapshot, parse.GetValue(mutes), parse.GetValue(failOn), parse.GetValue(report)) : ExitCodes.Ok;
        });
        return command;
    }

    private static int Analyse(CliContext context, Storage.IArgusStore store, Core.Model.Snapshot snapshot, string? muteFile, string? failOn, string? reportPath)
    {
        var rules = muteFile is null ? MuteRules.None
            : File.Exists(muteFile) ? MuteRules.LoadFile(muteFile, Posture.Engine.PostureEngine.Default.Checks)
            : throw new CliException($"no mute rules file {muteFile}", ExitCodes.BadInput);
        context.Out.WriteLine();
        var outcome = ProgressLine.Run(context, "Running the posture checks and the internet exposure analysis", () => SnapshotAnalyses.Run(store, snapshot, rules));
        var analysis = SnapshotAnalyses.ForReport(outcome, null, null);
        AnalysisOutput.Write(context, analysis, outcome);
        if (reportPath is not null)
        {
            var path = Path.GetFullPath(reportPath);
            HtmlReport.WriteFile(Reporting.ReportData.Load(store, snapshot) with { Analysis = analysis }, path);
            context.Out.WriteLine($"HTML report: {path}");
        }

        context.Out.WriteLine("'argus findings' lists every finding; 'argus compliance --framework cis-aws-7.0' each requirement; 'argus exposure' each path.");
        return FailOn.ExitCode(context, outcome.Posture.Results.Concat(outcome.ExposureFindings),
            failOn is not null && OutputNames.TryParseSeverity(failOn, out var minimum) ? minimum : null);
    }

    internal static AWSCredentials Credentials(string? profile, CancellationToken cancellation)
    {
        if (profile is null)
        {
            try
            {
                return AwsCallContext.FromDefaultChainAsync("us-east-1", cancellation).GetAwaiter().GetResult().Credentials;
            }
            catch (AmazonClientException e)
            {
                throw new CliException($"no usable AWS credentials (environment, AWS_PROFILE, SSO or instance role): {e.Message}");
            }
        }

        return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var found)
            ? found
            : throw new CliException($"no AWS profile named {profile} in the shared config or credentials files");
    }

    private static string[]? List(string? commaSeparated) =>
        commaSeparated?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Core.Import.ISnapshotSource Connect(AwsApiClient client, AWSCredentials credentials, AwsCollectionOptions options,
        AwsOrganizationOptions? organization, IProgress<CollectionProgress> progress, CancellationToken cancellation)
    {
        try
        {
            return organization is null
                ? AwsCollector.ConnectAsync(client, credentials, options, progress, cancellation).GetAwaiter().GetResult()
                : AwsOrganizationSource.ConnectAsync(client, credentials, options, organization, progress, cancellation).GetAwaiter().GetResult();
        }
        catch (AwsApiException e)
        {
            throw new CliException(organization is null
                ? $"cannot identify the AWS account, nothing was collected: {e.Message}"
                : $"cannot identify the AWS account or list its organization's accounts, nothing was collected: {e.Message}");
        }
        catch (AmazonClientException e)
        {
            throw new CliException($"no usable AWS credentials: {e.Message}");
        }
    }

    /// <summary>
    /// Feeds the collector's call counts into the import display's reading stage (calls are what takes time while
    /// collecting), and passes the importer's later stages through.
    /// </summary>
    private sealed class CallsAsDocuments(IProgress<ImportProgress> inner, bool fromImporter = false) : IProgress<CollectionProgress>, IProgress<ImportProgress>
    {
        public void Report(CollectionProgress value) =>
            inner.Report(new ImportProgress(ImportStage.ReadingDocuments, value.CallsDone, null, Describe(value)));

        private static string Describe(CollectionProgress value)
        {
            var accounts = value.AccountsTotal > 1 ? $"{value.AccountsDone}/{value.AccountsTotal} accounts, " : "";
            return $"{accounts}{value.RegionsDone}/{value.RegionsTotal} regions, {value.CallsDone} calls, {value.Gaps} gaps";
        }

        public void Report(ImportProgress value)
        {
            if (!fromImporter || value.Stage != ImportStage.ReadingDocuments || value.Total is not null)
            {
                inner.Report(value);
            }
        }
    }
}
