using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Model;
using Argus.Posture.Engine;
using Argus.Posture.Muting;
using Argus.Posture.Outputs;
using Argus.Posture.Summary;

namespace Argus.Cli.Commands;

/// <summary><c>argus scan posture</c>: runs the posture checks over a stored snapshot and records the findings.</summary>
public static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var scan = new Command("scan", """
            Collect and analyse an AWS account (scan aws), or analyse a stored snapshot (scan posture, scan k8s).

            'argus scan aws' collects an AWS account or organization and runs the posture checks and the exposure
            analysis; 'argus scan posture' runs the posture checks (CIS AWS Foundations and more) on a stored
            snapshot; 'argus scan k8s' the Kubernetes checks.
            """);
        scan.Subcommands.Add(CollectCommand.ScanAws(context));
        scan.Subcommands.Add(Posture(context));
        return scan;
    }

    private static Command Posture(CliContext context)
    {
        var mutes = new Option<string?>("--mute-rules") { Description = "YAML file of mute rules: matching failures are kept with status MUTED and the rule's reason (see docs/posture.md).", HelpName = "FILE" };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = $"Exit with code {ExitCodes.FindingsAtOrAbove} when a failed, not muted, finding has this severity or higher: critical, high, medium, low, informational.",
            HelpName = "SEVERITY",
        };
        failOn.AcceptOnlyFromAmong("critical", "high", "medium", "low", "informational");
        var command = new Command("posture", $"""
            Run the posture checks over a snapshot and record the findings in the store.

            Every check reads the snapshot's raw documents only. A check whose data was not collected reports
            NOT_AUTHORIZED (access denied, named in the coverage gap) or ERROR ("not collected: <action>"), never PASS.
            Ages ("unused for 45 days") are measured against the snapshot's time, not today.

            Exit codes: 0 done; {ExitCodes.FindingsAtOrAbove} --fail-on threshold reached; 2 bad input (snapshot, mute rules); 3 store error.

            Examples:
              argus scan posture
              argus scan posture --snapshot snap-20261125 --mute-rules mutes.yaml
              argus scan posture --fail-on high          # for CI pipelines
            """)
        {
            CommonOptions.Snapshot, mutes, failOn,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var snapshot = CommandRunner.ResolveSnapshot(store, parse.GetValue(CommonOptions.Snapshot)!);
            var engine = PostureEngine.Default;
            var rules = parse.GetValue(mutes) is { } file
                ? File.Exists(file) ? MuteRules.LoadFile(file, engine.Checks) : throw new CliException($"no mute rules file {file}", ExitCodes.BadInput)
                : MuteRules.None;
            var result = engine.Scan(store.ReadDocuments(snapshot.Id), snapshot.Gaps, snapshot.StartedAt, snapshot.Scopes, rules);
            var update = store.RecordFindings(snapshot.Id, snapshot.StartedAt, result.ChecksRun, result.Scopes, result.Results);
            WriteSummary(context, snapshot, result, PostureSummary.Build(result.Results, engine.Frameworks), update);

            return FailOn.ExitCode(context, result.Results, parse.GetValue(failOn) is { } threshold && OutputNames.TryParseSeverity(threshold, out var minimum) ? minimum : null);
        });
        return command;
    }

    private static void WriteSummary(CliContext context, Snapshot snapshot, PostureScan scan, PostureSummary summary, Argus.Storage.FindingsUpdate update)
    {
        context.Out.WriteLine($"Posture of {snapshot.Id}: {scan.ChecksRun.Count} checks, {scan.Results.Count:N0} results in {scan.Elapsed.TotalSeconds:0.0} s.");
        foreach (var report in summary.Compliance)
        {
            var rows = report.Framework.Sections.Select(section =>
            {
                var reqs = report.Requirements.Where(r => r.Requirement.Section == section).ToList();
                var counts = StatusCounts.Of(reqs.Select(r => r.Status));
                return (IReadOnlyList<string>)[section, counts.Pass.ToString(), counts.Fail.ToString(), counts.Manual.ToString(), (counts.Error + counts.NotAuthorized).ToString(), counts.Muted.ToString()];
            }).ToList();
            TableWriter.Write(context, ["section", "pass", "fail", "manual", "no data", "muted"], rows, $"{report.Framework.Name}: requirements");
        }

        TableWriter.Write(context, ["severity", "failed"],
            summary.FailuresBySeverity.OrderByDescending(kv => kv.Key).Select(kv => (IReadOnlyList<string>)[OutputNames.Severity(kv.Key), kv.Value.ToString()]).ToList(),
            "Failed results by severity");
        var t = summary.Totals;
        context.Out.WriteLine($"Results: {t.Pass} pass, {t.Fail} fail, {t.Manual} manual, {t.Error} error, {t.NotAuthorized} not authorized, {t.Muted} muted.");
        context.Out.WriteLine($"Findings: {update.New} new, {update.StillOpen} still open, {update.Resolved} resolved, {update.Reopened} reopened. 'argus findings' lists them; 'argus compliance --framework cis-aws-7.0' per requirement.");
    }
}
