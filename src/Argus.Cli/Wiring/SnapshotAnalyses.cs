using Argus.Core.Model;
using Argus.Network.Exposure;
using Argus.Network.FlowLogs;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Sources;
using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Argus.Posture.Engine;
using Argus.Posture.Muting;
using Argus.Posture.Summary;
using Argus.Reporting;
using Argus.Storage;

namespace Argus.Cli.Wiring;

/// <summary>
/// The analyses every AWS snapshot gets from 'argus demo' and 'argus scan aws': the posture checks and internet
/// exposure, each recorded in the store as findings, plus rule usage when flow logs are at hand.
/// </summary>
public static class SnapshotAnalyses
{
    public static AnalysisOutcome Run(IArgusStore store, Snapshot snapshot, MuteRules? mutes = null)
    {
        var posture = PostureEngine.Default;
        var scan = posture.Scan(store.ReadDocuments(snapshot.Id), snapshot.Gaps, snapshot.StartedAt, snapshot.Scopes, mutes ?? MuteRules.None);
        var postureUpdate = store.RecordFindings(snapshot.Id, snapshot.StartedAt, scan.ChecksRun, scan.Scopes, scan.Results);
        var summary = PostureSummary.Build(scan.Results, posture.Frameworks);

        var model = NetworkModel.Build(store.ReadDocuments(snapshot.Id), snapshot.Gaps);
        var exposure = ExposureAnalyzer.Analyze(model);
        var exposureFindings = ExposureFindings.From(exposure);
        var exposureUpdate = store.RecordFindings(snapshot.Id, snapshot.StartedAt, ExposureCategory.All, snapshot.Scopes, exposureFindings);

        return new AnalysisOutcome(scan, summary, postureUpdate, exposure, exposureFindings, exposureUpdate);
    }

    /// <summary>Attributes the flow logs in <paramref name="folder"/> to the snapshot's rules and records the findings.</summary>
    public static RuleUsageReport RuleUsage(IArgusStore store, Snapshot snapshot, string folder, CancellationToken cancellation)
    {
        var model = SnapshotRuleModel.FromDocuments(store.ReadDocuments(snapshot.Id, new DocumentQuery(Service: "ec2")));
        var report = RuleUsageAnalysis.Run(model, new LocalFlowLogSource(folder), new RuleUsageOptions(), null, cancellation);
        store.RecordFindings(snapshot.Id, snapshot.StartedAt, RuleUsageChecks.All, report.Scopes, report.Findings);
        return report;
    }

    /// <summary>The report's view of what the engines found.</summary>
    public static ReportAnalysis ForReport(AnalysisOutcome outcome, RuleUsageReport? usage, string? usageSource)
    {
        var compliance = outcome.Summary.Compliance.SelectMany(report => report.Framework.Sections.Select(section =>
        {
            var counts = StatusCounts.Of(report.Requirements.Where(r => r.Requirement.Section == section).Select(r => r.Status));
            return new ComplianceRow(report.Framework.Name, section, counts.Pass, counts.Fail, counts.Manual, counts.Error + counts.NotAuthorized, counts.Muted);
        })).ToList();

        var exposure = new List<ExposureRow>();
        foreach (var e in outcome.Exposure.Interfaces.Where(e => e.IsExposed))
        {
            exposure.Add(new ExposureRow(e.InstanceId ?? e.InterfaceId, e.Account, e.Region, e.PublicAddress, e.Exposed.ToString(), PathText(e.Answer.Path), WorstSeverity(e.Exposed)));
        }

        foreach (var lb in outcome.Exposure.LoadBalancers.Where(l => !l.Exposed.IsEmpty))
        {
            var reached = lb.Targets.Where(t => !t.Reached.IsEmpty).ToList();
            exposure.Add(new ExposureRow(lb.Name, lb.Account, lb.Region, $"internet-facing {lb.Type}", lb.Exposed.ToString(),
                $"{PathText(lb.Path)} > {reached.Count} target(s) on {reached.Aggregate(TrafficSet.None, (s, t) => s.Union(t.Reached))}", WorstSeverity(lb.Exposed)));
        }

        exposure.Sort((a, b) => SeverityRank(b.Severity).CompareTo(SeverityRank(a.Severity)));
        return new ReportAnalysis(compliance, exposure, usage is null ? null : RuleUsageFor(usage, usageSource ?? ""));
    }

    private static RuleUsageSummary RuleUsageFor(RuleUsageReport report, string source)
    {
        int Count(string check, FindingStatus status) => report.Findings.Count(f => f.CheckId == check && f.Status == status);
        var rows = report.Findings
            .Where(f => f.Status == FindingStatus.Fail)
            .OrderBy(f => f.CheckId == RuleUsageChecks.OverBroadRule ? 0 : f.CheckId == RuleUsageChecks.UnusedGroup ? 1 : 2)
            .ThenBy(f => f.ResourceId, StringComparer.Ordinal)
            .Take(100)
            .Select(f => new RuleUsageRow(Verdict(f.CheckId), f.ResourceId, f.Account, f.Message))
            .ToList();
        return new RuleUsageSummary(source, report.Records, Count(RuleUsageChecks.UnusedRule, FindingStatus.Fail), Count(RuleUsageChecks.UnusedGroup, FindingStatus.Fail),
            Count(RuleUsageChecks.OverBroadRule, FindingStatus.Fail), Count(RuleUsageChecks.UnusedRule, FindingStatus.Manual), rows);
    }

    private static string Verdict(string check) => check switch
    {
        RuleUsageChecks.OverBroadRule => "over-broad",
        RuleUsageChecks.UnusedGroup => "unused group",
        _ => "unused",
    };

    private static string WorstSeverity(TrafficSet exposed) =>
        ExposureCategory.Classify(exposed).Select(c => c.Severity).DefaultIfEmpty(Severity.Informational).Max().ToString();

    private static int SeverityRank(string severity) => Enum.TryParse<Severity>(severity, out var s) ? (int)s : -1;

    private static string PathText(IReadOnlyList<Hop> hops) => string.Join(" > ", hops.Select(h => h.ResourceId).Distinct());
}

/// <summary>What <see cref="SnapshotAnalyses.Run"/> found and recorded.</summary>
public sealed record AnalysisOutcome(
    PostureScan Posture,
    PostureSummary Summary,
    FindingsUpdate PostureUpdate,
    ExposureReport Exposure,
    IReadOnlyList<CheckResult> ExposureFindings,
    FindingsUpdate ExposureUpdate);
