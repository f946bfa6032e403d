using System.Text.Json;
using Argus.Core.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>The documented JSON form of an exposure report with its findings (docs/network.md, "exposure --json").</summary>
public static class ExposureJson
{
    public const int SchemaVersion = 1;

    public static string Serialize(string source, ExposureReport report, IReadOnlyList<CheckResult> findings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(findings);
        return JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteString("source", source);
            w.WriteNumber("interfacesExamined", report.InterfacesExamined);
            w.WriteStartArray("interfaces");
            foreach (var e in report.Interfaces)
            {
                w.WriteStartObject();
                w.WriteString("interface", e.InterfaceId);
                w.WriteStringOrNull("instance", e.InstanceId);
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
                w.WriteStringOrNull("notExposedBecause", lb.NotExposedBecause);
                ReachAnswerJson.Hops(w, "path", lb.Path);
                Targets(w, lb.Targets);
                w.WriteStrings("unknowns", lb.Unknowns);
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
        }, indented: true);
    }

    /// <summary>A load balancer's targets: <c>[{"targetGroup", "target", "listenerPort", "reached"}]</c>.</summary>
    internal static void Targets(Utf8JsonWriter w, IEnumerable<TargetExposure> targets)
    {
        w.WriteStartArray("targets");
        foreach (var t in targets)
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
    }
}
