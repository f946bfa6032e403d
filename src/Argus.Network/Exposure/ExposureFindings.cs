using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Core.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>
/// Exposure as check results: one per (check, resource), the resource being the instance (or the interface when
/// it has none) or the load balancer, by ARN. Severity follows what is exposed; an answer that missing data leaves
/// open is an ERROR (NOT_AUTHORIZED when access was denied), never a pass.
/// </summary>
public static class ExposureFindings
{
    public static IReadOnlyList<CheckResult> From(ExposureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<CheckResult>();
        foreach (var resource in report.Interfaces.GroupBy(e => (e.InstanceId ?? e.InterfaceId, e.Account, e.Region)).OrderBy(g => g.Key.Item1, StringComparer.Ordinal))
        {
            var (id, account, region) = resource.Key;
            var arn = AwsArns.Ec2(AwsArns.PartitionOfRegion(region) ?? "aws", region, account, id.StartsWith("i-", StringComparison.Ordinal) ? "instance" : "network-interface", id);
            var exposed = resource.Where(e => e.IsExposed).Aggregate(TrafficSet.None, (set, e) => set.Union(e.Exposed));
            foreach (var (check, severity, matched) in ExposureCategory.Classify(exposed))
            {
                var addresses = string.Join(", ", resource.Where(e => e.IsExposed && !e.Exposed.Intersect(matched).IsEmpty).Select(e => e.PublicAddress));
                results.Add(new CheckResult(
                    check, arn, Provider.Aws, account, region, FindingStatus.Fail, severity,
                    $"{id} is reachable from the internet on {matched} ({addresses})",
                    Evidence(w => InterfaceEvidence(w, resource.Where(e => e.IsExposed), matched)), []));
            }

            foreach (var undecided in resource.Where(e => e.Answer.Verdict == Verdict.Unknown))
            {
                var denied = undecided.Answer.Unknowns.Any(u => u.Contains(nameof(GapReason.AccessDenied), StringComparison.Ordinal));
                results.Add(new CheckResult(
                    ExposureCategory.Other, arn, Provider.Aws, account, region, denied ? FindingStatus.NotAuthorized : FindingStatus.Error, Severity.Medium,
                    $"exposure of {id} on {undecided.PublicAddress} cannot be decided: {string.Join("; ", undecided.Answer.Unknowns)}",
                    Evidence(w => InterfaceEvidence(w, [undecided], undecided.Answer.PossiblyReachable)), []));
            }
        }

        foreach (var lb in report.LoadBalancers.Where(l => !l.Exposed.IsEmpty))
        {
            foreach (var (check, severity, matched) in ExposureCategory.Classify(lb.Exposed))
            {
                results.Add(new CheckResult(
                    check, lb.Arn, Provider.Aws, lb.Account, lb.Region, FindingStatus.Fail, severity,
                    $"load balancer {lb.Name} is reachable from the internet on {matched}; {lb.Targets.Count(t => !t.Reached.IsEmpty)} target(s) behind it",
                    Evidence(w => BalancerEvidence(w, lb, matched)), []));
            }
        }

        return results;
    }

    private static string Evidence(Action<Utf8JsonWriter> write) => JsonOutput.Write(write, indented: false);

    private static void InterfaceEvidence(Utf8JsonWriter w, IEnumerable<InterfaceExposure> exposures, TrafficSet matched)
    {
        w.WriteStartObject();
        w.WritePropertyName("matched");
        TrafficSetJson.Write(w, matched);
        w.WriteStartArray("addresses");
        foreach (var e in exposures)
        {
            w.WriteStartObject();
            w.WriteString("interface", e.InterfaceId);
            w.WriteString("publicAddress", e.PublicAddress);
            w.WritePropertyName("exposed");
            TrafficSetJson.Write(w, e.Exposed);
            ReachAnswerJson.Hops(w, "path", e.Answer.Path);
            ReachAnswerJson.Hops(w, "returnPath", e.Answer.ReturnPath);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void BalancerEvidence(Utf8JsonWriter w, LoadBalancerExposure lb, TrafficSet matched)
    {
        w.WriteStartObject();
        w.WriteString("loadBalancer", lb.Name);
        w.WriteString("type", lb.Type);
        w.WritePropertyName("matched");
        TrafficSetJson.Write(w, matched);
        ReachAnswerJson.Hops(w, "path", lb.Path);
        ExposureJson.Targets(w, lb.Targets);
        w.WriteEndObject();
    }
}
