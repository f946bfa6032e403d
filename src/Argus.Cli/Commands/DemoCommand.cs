using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Reporting;
using Argus.Storage.Import;
using Argus.Core.Model;
using Argus.Synthetic;
using Argus.Synthetic.FlowLogs;

namespace Argus.Cli.Commands;

public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var preset = new Option<string>("--preset") { Description = "Size of the generated organization: demo (5 accounts, readable names, planted mistakes), medium or large.", DefaultValueFactory = _ => "demo" };
        preset.AcceptOnlyFromAmong([.. SyntheticPresets.All.Select(p => p.Name)]);
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed gives the same organization.", DefaultValueFactory = _ => 42 };
        var report = new Option<string>("--report") { Description = "Where to write the self-contained HTML report.", DefaultValueFactory = _ => "argus-demo-report.html", HelpName = "PATH" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not write the HTML report." };

        var command = new Command("demo", """
            Build the demo AWS organization locally, import it and report on it.

            The demo organization has management, security, network hub, prod and dev accounts in two regions, a
            hub-and-spoke transit gateway, load balancers, auto-scaled fleets, IAM and S3, and a planted set of
            real-world mistakes (docs/demo-environment.md lists them). It goes through the same pipeline as real
            data. Nothing leaves this machine and no cloud account is needed.

            Examples:
              argus demo
              argus demo --report /tmp/report.html --db /tmp/demo.db
              argus demo --preset large --no-report
            """)
        {
            preset, seed, report, noReport,
        };
        command.SetAction(context, (parse, cancellation) =>
        {
            var chosen = SyntheticPresets.Find(parse.GetValue(preset)!)!;
            var source = SyntheticEnvironment.Generate(chosen, parse.GetValue(seed));

            // A fresh id each run, so the demo can be run again against the same store and diffed.
            var fresh = new SourceWithHeader(source, source.Header with { Id = null });
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var importer = new SnapshotImporter(store, Normalizers.All);
            var result = ImportProgressDisplay.Run(context, $"Generating and importing the '{chosen.Name}' organization (seed {parse.GetValue(seed)})", p => importer.Import(fresh, p, cancellation));

            context.Out.WriteLine();
            ImportCommand.Report(context, result, store.Description);
            context.Out.WriteLine();

            var snapshot = result.Snapshot;
            var outcome = ProgressLine.Run(context, "Running the posture checks and the internet exposure analysis", () => SnapshotAnalyses.Run(store, snapshot));
            var flowLogs = Path.Combine(Path.GetTempPath(), $"argus-demo-flow-logs-{chosen.Name}-{parse.GetValue(seed)}");
            var usage = ProgressLine.Run(context, "Generating two days of VPC flow logs and attributing them to security group rules", () =>
            {
                if (Directory.Exists(flowLogs))
                {
                    Directory.Delete(flowLogs, recursive: true);
                }

                SyntheticFlowLogs.Write(chosen, parse.GetValue(seed), flowLogs);
                return SnapshotAnalyses.RuleUsage(store, snapshot, flowLogs, cancellation);
            });

            var data = ReportData.Load(store, snapshot) with { Analysis = SnapshotAnalyses.ForReport(outcome, usage, flowLogs) };
            WriteHighlights(context, data);
            AnalysisOutput.Write(context, data.Analysis!, outcome);
            if (!parse.GetValue(noReport))
            {
                var path = Path.GetFullPath(parse.GetValue(report)!);
                HtmlReport.WriteFile(data, path);
                context.Out.WriteLine();
                context.Out.WriteLine($"HTML report: {path}");
            }

            context.Out.WriteLine();
            context.Out.WriteLine("Next:");
            context.Out.WriteLine("  argus findings --severity high                  the high and critical findings (--format json|csv|ocsf|sarif|asff)");
            context.Out.WriteLine("  argus compliance --framework cis-aws-7.0        CIS AWS Foundations v7.0, requirement by requirement");
            context.Out.WriteLine("  argus reach --from internet --to i-06ae9b39c3037a85a --port 5432   why the payments database is exposed");
            context.Out.WriteLine($"  argus rule-usage --flow-logs {flowLogs}   every rule's usage");
            context.Out.WriteLine("  argus inventory --summary                       every asset type with counts");
            context.Out.WriteLine("  argus inventory --type aws.ec2.security-group   one type, as a table (--format json|csv)");
            context.Out.WriteLine("  argus export latest demo.tar.gz                 a bundle to import anywhere");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteHighlights(CliContext context, ReportData data)
    {
        TableWriter.Write(
            context,
            ["what", "count"],
            data.Highlights.Select(h => (IReadOnlyList<string>)[h.Label, h.Count.ToString("N0")]),
            "Inventory");
        if (data.Accounts.Count > 0)
        {
            context.Out.WriteLine();
            TableWriter.Write(
                context,
                ["account", "name", "organizational unit", "assets"],
                data.Accounts.Select(a => (IReadOnlyList<string>)[a.Id, a.Name, a.Path, a.AssetCount.ToString("N0")]),
                "Accounts");
        }
    }
}
