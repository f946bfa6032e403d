using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Model;
using Argus.Posture.Engine;
using Argus.Posture.Outputs;
using Argus.Storage;

namespace Argus.Cli.Commands;

/// <summary><c>argus findings</c>: lists recorded posture findings with filters, in table, JSON, CSV, OCSF, SARIF or ASFF.</summary>
public static class FindingsCommand
{
    private const int DefaultTableLimit = 200;

    public static Command Create(CliContext context)
    {
        var severity = new Option<string?>("--severity") { Description = "Minimum severity: critical, high, medium, low, informational.", HelpName = "LEVEL" };
        severity.AcceptOnlyFromAmong("critical", "high", "medium", "low", "informational");
        var status = new Option<string?>("--status") { Description = "Only this status: fail, pass, manual, error, not_authorized, muted.", HelpName = "STATUS" };
        status.AcceptOnlyFromAmong("fail", "pass", "manual", "error", "not_authorized", "muted");
        var check = new Option<string?>("--check", "-c") { Description = "Only this check id ('argus checks' lists them).", HelpName = "ID" };
        var account = new Option<string?>("--account", "-a") { Description = "Only this account id.", HelpName = "ID" };
        var region = new Option<string?>("--region", "-r") { Description = "Only this region ('global' for account-wide results).", HelpName = "NAME" };
        var framework = PostureOptions.Framework(required: false);
        framework.Description = "Only findings of checks mapped to this framework (cis-aws-7.0, cis-aws-3.0).";
        var all = new Option<bool>("--all") { Description = "Include passed and resolved findings (by default only open ones: fail, manual, error, not authorized, muted)." };
        var format = CommonOptions.Format("table", "json", "csv", "ocsf", "sarif", "asff");
        var limit = new Option<int?>("--limit") { Description = $"Most rows in a table (default {DefaultTableLimit}; 0 for all). Other formats are never cut.", HelpName = "N" };
        var command = new Command("findings", """
            List the findings the scans recorded, with their history (first seen, last seen, resolved).

            Posture checks, internet exposure, rule usage, Kubernetes and vulnerability scans all record findings.

            Formats: table, json, csv, ocsf (OCSF 1.3 Detection Findings plus a Compliance Finding per requirement),
            sarif (SARIF 2.1.0, for code-scanning dashboards), asff (AWS Security Finding Format, for Security Hub).

            Examples:
              argus findings --severity high
              argus findings --check aws.ec2.sg-admin-ports-ipv4 --account 545951156650
              argus findings --framework cis-aws-7.0 --format csv > cis.csv
              argus findings --format sarif > argus.sarif
              argus findings --status not_authorized      # what could not be checked, and which permission is missing
            """)
        {
            severity, status, check, account, region, framework, all, format, limit,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var engine = PostureEngine.Default;
            FindingStatus? wanted = parse.GetValue(status) is { } s && OutputNames.TryParseStatus(s, out var st) ? st : null;
            var query = new FindingQuery(parse.GetValue(check), null, parse.GetValue(account), wanted, OpenOnly: !parse.GetValue(all) && wanted is null or not FindingStatus.Pass);
            IEnumerable<Finding> findings = store.QueryFindings(query);
            if (parse.GetValue(region) is { } r)
            {
                findings = findings.Where(f => f.Result.Region == r);
            }

            if (parse.GetValue(severity) is { } sev && OutputNames.TryParseSeverity(sev, out var minimum))
            {
                findings = findings.Where(f => f.Result.Severity >= minimum);
            }

            if (parse.GetValue(framework) is { } fw)
            {
                var known = engine.Frameworks.Find(fw) ?? throw new CliException($"unknown framework '{fw}'; known: {string.Join(", ", engine.Frameworks.All.Select(f => f.Id))}", ExitCodes.Usage);
                findings = findings.Where(f => f.Result.Frameworks.Any(x => x.Framework == known.Id));
            }

            var list = findings.ToList();
            using var stdout = new OutputStream(context.Out);
            switch (parse.GetValue(format))
            {
                case "json": JsonFindingsWriter.Write(stdout.Stream, list, engine.Checks); break;
                case "csv": CsvFindingsWriter.Write(context.Out, list, engine.Checks); break;
                case "ocsf": OcsfWriter.Write(stdout.Stream, list, engine.Checks, engine.Frameworks, list.Count == 0 ? DateTimeOffset.UnixEpoch : list.Max(f => f.LastSeen)); break;
                case "sarif": SarifWriter.Write(stdout.Stream, list, engine.Checks); break;
                case "asff": AsffWriter.Write(stdout.Stream, list, engine.Checks); break;
                default: WriteTable(context, list, parse.GetValue(limit) ?? DefaultTableLimit); break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliContext context, IReadOnlyList<Finding> findings, int limit)
    {
        if (findings.Count == 0)
        {
            context.Out.WriteLine("No findings match. Run 'argus scan posture' first, or widen the filters (--all includes passed ones).");
            return;
        }

        var ordered = findings.OrderByDescending(f => f.Result.Severity).ThenBy(f => f.Result.CheckId, StringComparer.Ordinal).ThenBy(f => f.Result.ResourceId, StringComparer.Ordinal).ToList();
        var shown = limit == 0 ? ordered : ordered.Take(limit).ToList();
        TableWriter.Write(context, ["status", "severity", "check", "account", "region", "resource", "message"],
            shown.Select(f => (IReadOnlyList<string>)[OutputNames.Status(f.Result.Status), OutputNames.Severity(f.Result.Severity), f.Result.CheckId, f.Result.Account, f.Result.Region, f.Result.ResourceId, f.Result.Message]).ToList());
        if (shown.Count < ordered.Count)
        {
            context.Error.WriteLine($"Showing {shown.Count:N0} of {ordered.Count:N0} findings; use --limit 0, --format csv or a filter to see the rest.");
        }
    }
}
