using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Network.Exposure;
using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Cli.Commands;

/// <summary><c>argus exposure</c>: what the internet can reach, on which ports, and by which path.</summary>
public static class ExposureCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format("table", "json", "csv");
        var json = new Option<bool>("--json") { Description = "Same as --format json." };
        var command = new Command("exposure", """
            Find everything the whole internet can reach, on which ports, and by which path.

            Argus examines every interface and instance with a public address, and every internet-facing load
            balancer with the targets behind it. Exposure needs a public address, an internet
            gateway, routes both ways, network ACLs and security groups that all agree; an open security group alone
            is not exposure. Findings are graded by what is exposed (all ports, remote administration, databases).

            Examples:
              argus exposure
              argus exposure --format csv > exposure.csv
              argus exposure --json --snapshot latest
              argus exposure --input ./audit
            """)
        {
            format, json,
        };
        foreach (var option in NetworkInput.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, _) =>
        {
            var (model, source) = NetworkInput.Load(parse);
            var report = ExposureAnalyzer.Analyze(model);
            var findings = ExposureFindings.From(report);
            var chosen = parse.GetValue(json) ? "json" : parse.GetValue(format)!;
            switch (chosen)
            {
                case "json":
                    context.Out.WriteLine(ExposureJson.Serialize(source, report, findings));
                    break;
                case "csv":
                    CsvWriter.WriteRow(context.Out, ["check", "severity", "status", "resource", "account", "region", "message"]);
                    foreach (var f in findings)
                    {
                        CsvWriter.WriteRow(context.Out, [f.CheckId, f.Severity.ToString(), f.Status.ToString(), f.ResourceId, f.Account, f.Region, f.Message]);
                    }

                    break;
                default:
                    WriteTable(context, source, report, findings);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CliContext context, string source, ExposureReport report, IReadOnlyList<Core.Model.CheckResult> findings)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var e in report.Interfaces.OrderBy(e => e.Account, StringComparer.Ordinal).ThenBy(e => e.InstanceId ?? e.InterfaceId, StringComparer.Ordinal))
        {
            var answer = e.Answer;
            rows.Add([e.InstanceId ?? e.InterfaceId, e.Account, e.Region, e.PublicAddress,
                answer.Verdict == Verdict.Reachable ? answer.Reachable.ToString() : $"unknown: {answer.PossiblyReachable}", Path(answer.Path)]);
        }

        foreach (var lb in report.LoadBalancers.Where(l => !l.Exposed.IsEmpty))
        {
            rows.Add([lb.Name, lb.Account, lb.Region, lb.Type + " load balancer", lb.Exposed.ToString(),
                $"{Path(lb.Path)} -> {lb.Targets.Count(t => !t.Reached.IsEmpty)} target(s) on {lb.Targets.Aggregate(TrafficSet.None, (s, t) => s.Union(t.Reached))}"]);
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine($"Nothing in {source} is reachable from the internet ({report.InterfacesExamined:N0} interfaces, {report.LoadBalancers.Count} internet-facing load balancers examined).");
            return;
        }

        TableWriter.Write(context, ["resource", "account", "region", "address", "reachable from the internet", "path"], rows, $"Internet exposure in {source}");
        foreach (var group in findings.GroupBy(f => (f.CheckId, f.Severity)).OrderByDescending(g => g.Key.Severity))
        {
            context.Out.WriteLine($"{group.Key.Severity,-8} {group.Key.CheckId}: {group.Count()} resource(s)");
        }
    }

    private static string Path(IReadOnlyList<Hop> hops) => string.Join(" > ", hops.Select(h => h.ResourceId).Distinct());
}
