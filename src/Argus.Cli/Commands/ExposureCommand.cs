using System.CommandLine;
using System.Text.Json;
using Argus.Cli.Terminal;
using Argus.Core.Json;
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
            Find what the whole internet can reach: every interface and instance with a public address, and every
            internet-facing load balancer with the targets behind it. Exposure needs a public address, an internet
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
                    WriteJson(context, source, report, findings);
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

    private static void WriteJson(CliContext context, string source, ExposureReport report, IReadOnlyList<Core.Model.CheckResult> findings)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonText.WriterOptions with { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("source", source);
            w.WriteNumber("interfacesExamined", report.InterfacesExamined);
            w.WriteStartArray("interfaces");
            foreach (var e in report.Interfaces)
            {
                w.WriteStartObject();
                w.WriteString("interface", e.InterfaceId);
                if (e.InstanceId is null)
                {
                    w.WriteNull("instance");
                }
                else
                {
                    w.WriteString("instance", e.InstanceId);
                }

                w.WriteString("account", e.Account);
                w.WriteString("region", e.Region);
                w.WriteString("publicAddress", e.PublicAddress);
                w.WritePropertyName("answer");
                ReachAnswerJson.Write(w, e.Answer);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("loadBalancers");
            foreach (var lb in report.LoadBalancers)
            {
                w.WriteStartObject();
                w.WriteString("arn", lb.Arn);
                w.WriteString("name", lb.Name);
                w.WriteString("type", lb.Type);
                w.WriteString("account", lb.Account);
                w.WriteString("region", lb.Region);
                w.WritePropertyName("exposed");
                TrafficSetJson.Write(w, lb.Exposed);
                if (lb.NotExposedBecause is null)
                {
                    w.WriteNull("notExposedBecause");
                }
                else
                {
                    w.WriteString("notExposedBecause", lb.NotExposedBecause);
                }

                ReachAnswerJson.Hops(w, "path", lb.Path);
                w.WriteStartArray("targets");
                foreach (var t in lb.Targets)
                {
                    w.WriteStartObject();
                    w.WriteString("targetGroup", t.TargetGroupArn);
                    w.WriteString("target", t.TargetId);
                    w.WriteNumber("listenerPort", t.ListenerPort);
                    w.WritePropertyName("reached");
                    TrafficSetJson.Write(w, t.Reached);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("unknowns");
                foreach (var u in lb.Unknowns)
                {
                    w.WriteStringValue(u);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in findings)
            {
                w.WriteStartObject();
                w.WriteString("checkId", f.CheckId);
                w.WriteString("resource", f.ResourceId);
                w.WriteString("account", f.Account);
                w.WriteString("region", f.Region);
                w.WriteString("status", f.Status.ToString());
                w.WriteString("severity", f.Severity.ToString());
                w.WriteString("message", f.Message);
                w.WritePropertyName("evidence");
                using (var evidence = JsonDocument.Parse(f.Evidence))
                {
                    evidence.RootElement.WriteTo(w);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
