using System.CommandLine;
using System.Globalization;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Import;
using Argus.Network.FlowLogs;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;
using Argus.Storage;

namespace Argus.Cli.Commands;

/// <summary><c>argus rule-usage</c>: which security group rules and network ACL entries flow logs show used, unused or over-broad.</summary>
public static class RuleUsageCommand
{
    private const int DefaultTableLimit = 100;

    public static Command Create(CliContext context)
    {
        var flowLogs = new Option<string>("--flow-logs", "-l")
        {
            Description = "Where the VPC flow logs are: a file or folder (plain or .gz, read recursively), s3://bucket/prefix "
                + "(the AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/ layout), or 'cloudwatch' (the log groups named by the snapshot's flow logs).",
            HelpName = "PATH|s3://BUCKET/PREFIX|cloudwatch",
            Required = true,
        };
        var since = new Option<string?>("--since") { Description = "Only records after this: a UTC time (2026-11-01, 2026-11-01T08:00Z) or an age (30d, 12h, 90m).", HelpName = "TIME|AGE" };
        var until = new Option<string?>("--until") { Description = "Only records before this (same forms as --since).", HelpName = "TIME|AGE" };
        var minWindow = new Option<string>("--min-window")
        {
            Description = "How long an interface's logs must span before a rule on it can be called unused (an age, as 7d or 0).",
            HelpName = "AGE",
            DefaultValueFactory = _ => "1d",
        };
        var format = CommonOptions.Format("table", "json", "csv");
        var storeFindings = new Option<bool>("--store") { Description = "Record the findings (unused rules and groups, over-broad rules) in the store, against the snapshot." };
        var all = new Option<bool>("--all") { Description = "List used rules and deny entries in the table too, not only unused, over-broad and unevaluated ones." };
        var limit = new Option<int?>("--limit") { Description = $"Most rule rows in a table (default {DefaultTableLimit}; 0 for all).", HelpName = "N" };
        var region = new Option<string?>("--region") { Description = "For s3:// and cloudwatch: the region to call first (default: the snapshot's flow log regions, else us-east-1).", HelpName = "NAME" };

        var command = new Command("rule-usage", """
            Show which firewall rules VPC flow logs prove used, unused or far broader than their traffic.

            Every accepted flow is attributed to the security group rules and network ACL entries of the snapshot that
            allowed it; replies do not count for security groups (they are stateful). When the store holds several
            snapshots of the same accounts over the window, each record is judged against the snapshot in effect when it
            started (rules and group memberships at that time); --snapshot ID judges everything against that one snapshot.
            Coverage comes first: a rule is
            called unused only when flow logs cover every interface it applies to over at least --min-window, with no
            skipped records; otherwise the output says why not. Malformed lines are counted and listed, never fatal.

            Examples:
              argus rule-usage --flow-logs ./flowlogs --min-window 0
              argus rule-usage --flow-logs s3://my-flow-logs/AWSLogs/123456789012/vpcflowlogs/ --since 30d --store
              argus rule-usage --flow-logs cloudwatch --since 7d --format json > usage.json
              argus rule-usage --flow-logs vpc.log.gz --snapshot 2026-11 --format csv > rules.csv
            """)
        {
            flowLogs, CommonOptions.Snapshot, since, until, minWindow, format, storeFindings, all, limit, region,
        };
        command.SetAction(context, (parse, cancellation) =>
        {
            var now = DateTimeOffset.UtcNow;
            var options = new RuleUsageOptions
            {
                Since = ParseTime(parse.GetValue(since), "--since", now),
                Until = ParseTime(parse.GetValue(until), "--until", now),
                MinimumWindow = ParseAge(parse.GetValue(minWindow)!, "--min-window"),
            };
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var snapshot = CommandRunner.ResolveSnapshot(store, parse.GetValue(CommonOptions.Snapshot)!);
            var chosenSnapshot = parse.GetResult(CommonOptions.Snapshot) is { Implicit: false };
            var model = RuleUsageSnapshots.Model(store, snapshot, chosenSnapshot, options.Since, options.Until);
            if (model.Interfaces.Count == 0 && model.Rules.Count == 0)
            {
                throw new CliException($"snapshot {snapshot.Id} has no network interfaces, security groups or network ACLs to attribute flows to");
            }

            var location = parse.GetValue(flowLogs)!;
            RuleUsageReport report;
            try
            {
                var source = FlowLogSources.Open(location, model, parse.GetValue(region), options.Since, options.Until, cancellation);
                report = FlowLogProgressDisplay.Run(context, $"Reading flow logs from {source.Description}",
                    progress => RuleUsageAnalysis.Run(model, source, options, progress, cancellation));
            }
            catch (ImportException e)
            {
                throw new CliException(e.Message);
            }
            catch (Amazon.Runtime.AmazonServiceException e)
            {
                throw new CliException($"{location}: {e.ErrorCode ?? e.StatusCode.ToString()}: {e.Message}");
            }
            catch (Aws.Client.AwsApiException e)
            {
                throw new CliException($"{location}: {e.Message}");
            }
            catch (Core.Permissions.PermissionDeniedByCatalogException e)
            {
                throw new CliException(e.Message);
            }

            var chosen = parse.GetValue(format)!;
            RuleUsageOutput.Write(context, chosen, snapshot.Id, report, parse.GetValue(all), parse.GetValue(limit) ?? DefaultTableLimit);
            if (parse.GetValue(storeFindings))
            {
                var update = store.RecordFindings(snapshot.Id, now, RuleUsageChecks.All, report.Scopes, report.Findings);
                (chosen == "table" ? context.Out : context.Error).WriteLine(
                    $"Stored {report.Findings.Count:N0} rule-usage results against {snapshot.Id}: {update.New:N0} new, {update.StillOpen:N0} still open, {update.Resolved:N0} resolved, {update.Reopened:N0} reopened.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>An absolute UTC time (date, or date and time) or an age back from now (30d, 12h, 90m, 45s).</summary>
    internal static DateTimeOffset? ParseTime(string? text, string option, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParseAge(text, out var age))
        {
            return now - age;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new CliException($"{option} '{text}' is neither a time (2026-11-01, 2026-11-01T08:00Z) nor an age (30d, 12h, 90m)", ExitCodes.Usage);
    }

    internal static TimeSpan ParseAge(string text, string option) =>
        TryParseAge(text, out var age) ? age : throw new CliException($"{option} '{text}' is not an age such as 7d, 12h, 90m or 0", ExitCodes.Usage);

    private static bool TryParseAge(string text, out TimeSpan age)
    {
        age = default;
        var t = text.Trim();
        if (t == "0")
        {
            return true;
        }

        if (t.Length < 2 || !long.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            return false;
        }

        switch (t[^1])
        {
            case 'd': age = TimeSpan.FromDays(n); return true;
            case 'h': age = TimeSpan.FromHours(n); return true;
            case 'm': age = TimeSpan.FromMinutes(n); return true;
            case 's': age = TimeSpan.FromSeconds(n); return true;
            default: return false;
        }
    }
}
