using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Posture.Engine;
using Argus.Posture.Outputs;
using Argus.Posture.Summary;
using Argus.Storage;

namespace Argus.Cli.Commands;

/// <summary><c>argus compliance</c>: a framework's requirements with their status and counts from the last posture scan of a snapshot.</summary>
public static class ComplianceCommand
{
    public static Command Create(CliContext context)
    {
        var framework = PostureOptions.Framework(required: true);
        var format = CommonOptions.Format("table", "json", "csv");
        var command = new Command("compliance", """
            Show a framework's requirements with their status and result counts, from the posture scan of a snapshot.

            A requirement FAILs when any of its checks' results fails; it has no data (NOT_AUTHORIZED or ERROR) when
            a check could not read what it needs; it is MANUAL when a person must judge it, or when no check
            evaluates it (the reason is shown). Run 'argus scan posture' first.

            Examples:
              argus compliance --framework cis-aws-7.0
              argus compliance --framework cis-aws-3.0 --snapshot latest --format csv > cis-3.0.csv
            """)
        {
            framework, CommonOptions.Snapshot, format,
        };
        command.SetAction(context, (parse, _) =>
        {
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var engine = PostureEngine.Default;
            var id = parse.GetValue(framework)!;
            var chosen = engine.Frameworks.Find(id) ?? throw new CliException($"unknown framework '{id}'; known: {string.Join(", ", engine.Frameworks.All.Select(f => f.Id))}", ExitCodes.Usage);
            var snapshot = CommandRunner.ResolveSnapshot(store, parse.GetValue(CommonOptions.Snapshot)!);
            var results = store.QueryFindings(new FindingQuery()).Where(f => f.LastSnapshotId == snapshot.Id).Select(f => f.Result).ToList();
            if (results.Count == 0)
            {
                throw new CliException($"no posture results for {snapshot.Id}; run 'argus scan posture --snapshot {snapshot.Id}' first", ExitCodes.BadInput);
            }

            var report = ComplianceReport.Build(chosen, results);
            switch (parse.GetValue(format))
            {
                case "json":
                    context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                    {
                        framework = chosen.Id,
                        name = chosen.Name,
                        snapshot = snapshot.Id,
                        requirements = report.Requirements.Select(r => new
                        {
                            id = r.Requirement.Id, title = r.Requirement.Title, section = r.Requirement.Section, profile = r.Requirement.Profile,
                            assessment = r.Requirement.Automated ? "automated" : "manual", status = OutputNames.Status(r.Status), evaluated = r.Evaluated,
                            counts = r.Counts, checks = r.Requirement.Checks, reason = r.Requirement.Reason,
                        }),
                    }, CliJson.Options));
                    break;
                case "csv":
                    CsvWriter.WriteRow(context.Out, ["requirement", "title", "section", "profile", "status", "pass", "fail", "manual", "error", "not_authorized", "muted", "checks", "reason"]);
                    foreach (var r in report.Requirements)
                    {
                        CsvWriter.WriteRow(context.Out, [r.Requirement.Id, r.Requirement.Title, r.Requirement.Section, r.Requirement.Profile, OutputNames.Status(r.Status),
                            r.Counts.Pass.ToString(), r.Counts.Fail.ToString(), r.Counts.Manual.ToString(), r.Counts.Error.ToString(), r.Counts.NotAuthorized.ToString(), r.Counts.Muted.ToString(),
                            string.Join(";", r.Requirement.Checks), r.Requirement.Reason ?? ""]);
                    }

                    break;
                default:
                    TableWriter.Write(context, ["req", "status", "pass", "fail", "manual", "no data", "muted", "title"],
                        report.Requirements.Select(r => (IReadOnlyList<string>)[r.Requirement.Id, r.Evaluated ? OutputNames.Status(r.Status) : "MANUAL*",
                            r.Counts.Pass.ToString(), r.Counts.Fail.ToString(), r.Counts.Manual.ToString(), (r.Counts.Error + r.Counts.NotAuthorized).ToString(), r.Counts.Muted.ToString(), r.Requirement.Title]).ToList(),
                        $"{chosen.Name} on {snapshot.Id}");
                    var c = report.RequirementCounts;
                    context.Out.WriteLine($"{report.Requirements.Count} requirements: {c.Pass} pass, {c.Fail} fail, {c.Manual} manual, {c.Error + c.NotAuthorized} without data, {c.Muted} muted. MANUAL* = no check evaluates it ('--format json' gives the reason).");
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
