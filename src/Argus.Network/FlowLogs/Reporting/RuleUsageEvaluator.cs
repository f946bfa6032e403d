using System.Globalization;
using Argus.Core.Model;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>
/// Turns what the analyzer counted into verdicts, coverage first: a rule is called unused only when the logs
/// cover every interface it applies to (records seen, no SKIPDATA, a flow log that captures accepted traffic, a
/// window at least <see cref="RuleUsageOptions.MinimumWindow"/> long, no hole inside it); otherwise the report
/// says why not.
/// </summary>
public static class RuleUsageEvaluator
{
    /// <param name="deliveryGaps">Hours flow logs delivered no S3 file (<see cref="Sources.DeliveryFileNames.MissingHours"/>), to explain holes.</param>
    public static RuleUsageReport Evaluate(RuleUsageAnalyzer analyzer, IReadOnlyList<FlowLogSourceResult> sources, IReadOnlyList<DeliveryGap>? deliveryGaps = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var model = analyzer.Model;
        var options = analyzer.Options;
        deliveryGaps ??= [];
        var logsByResource = model.FlowLogs.ToLookup(f => f.ResourceId, StringComparer.Ordinal);
        var coverage = model.Interfaces.Select(i => Coverage(i, analyzer.CountersOf(i), analyzer, logsByResource, deliveryGaps)).ToList();
        var byInterface = coverage.ToDictionary(c => c.InterfaceId, StringComparer.Ordinal);

        var appliesTo = new Dictionary<FirewallRule, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var i in model.Interfaces)
        {
            // On a timeline, the rules of every version: a rule applied to the interface while it had them.
            foreach (var rule in (i.Versions?.Facts ?? [i]).SelectMany(v => v.IngressRules.Concat(v.EgressRules).Concat(v.AclInbound).Concat(v.AclOutbound)).Distinct())
            {
                (appliesTo.TryGetValue(rule, out var list) ? list : appliesTo[rule] = []).Add(i.Id);
            }
        }

        var timeline = model as TimelineRuleModel;

        var aclNumbers = model.Rules.Where(r => r.Kind == FirewallRuleKind.NetworkAcl)
            .GroupBy(r => (r.OwnerId, r.Direction))
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(r => r.RuleNumber).ToHashSet());
        var rules = model.Rules
            .Select(r => Lifetime(Judge(analyzer.StatsOf(r), appliesTo.TryGetValue(r, out var l) ? l : [], byInterface, options, aclNumbers.GetValueOrDefault((r.OwnerId, r.Direction))),
                timeline, analyzer))
            .ToList();
        var groups = model.SecurityGroups.Select(g => JudgeGroup(g, rules, byInterface)).ToList();
        var report = new RuleUsageReport
        {
            From = Time(analyzer.WindowStart),
            To = Time(analyzer.WindowEnd),
            Sources = sources,
            Records = analyzer.Records,
            OutsideWindow = analyzer.OutsideWindow,
            WithoutInterface = analyzer.WithoutInterface,
            ForUnknownInterfaces = analyzer.ForUnknownInterfaces,
            UnknownInterfaces = analyzer.UnknownInterfaces,
            Interfaces = coverage,
            Subnets = Areas("subnet", coverage, c => c.SubnetId),
            Vpcs = Areas("vpc", coverage, c => c.VpcId),
            Rules = rules,
            Groups = groups,
            Findings = [],
            DeliveryGaps = deliveryGaps,
            Snapshots = timeline is null ? [] : [.. timeline.Periods.Select((p, k) => new SnapshotUse(p.SnapshotId, p.TakenAt, analyzer.RecordsPerSnapshot[k]))],
            BeforeFirstSnapshot = analyzer.BeforeFirstSnapshot,
            Scopes = [.. model.Rules.Select(r => (r.Account, r.Region)).Concat(model.SecurityGroups.Select(g => (g.Account, g.Region)))
                .Distinct().Order().Select(s => new Scope(Provider.Aws, s.Account, s.Region))],
        };
        return report with { Findings = RuleUsageFindings.From(report, byInterface) };
    }

    private static InterfaceCoverage Coverage(InterfaceFacts i, InterfaceCounters c, RuleUsageAnalyzer analyzer, ILookup<string, FlowLogConfiguration> logsByResource,
        IReadOnlyList<DeliveryGap> deliveryGaps)
    {
        var options = analyzer.Options;
        var logs = logsByResource[i.Id].Concat(i.SubnetId is null ? [] : logsByResource[i.SubnetId]).Concat(i.VpcId is null ? [] : logsByResource[i.VpcId]).ToList();
        var holes = c.Records == 0 ? [] : Holes(c, analyzer, deliveryGaps.Count == 0 ? [] : [.. deliveryGaps.Where(g => logs.Any(l => l.FlowLogId == g.FlowLogId))]);
        string? reason = null;
        if (c.Records == 0)
        {
            reason = logs.Count > 0
                ? $"flow log {string.Join(", ", logs.Select(l => $"{l.FlowLogId} ({l.ResourceId})"))} captures it, but no record of it was in the logs read"
                : "no record of it in the logs read, and no flow log in the snapshot captures it, its subnet or its VPC";
        }
        else if (logs.Count > 0 && !logs.Any(l => l.CapturesAccepted))
        {
            reason = $"its flow log {logs[0].FlowLogId} captures REJECT traffic only";
        }
        else if (c.SkipData > 0)
        {
            reason = $"{c.SkipData:N0} SKIPDATA record(s): AWS skipped records in those intervals";
        }
        else if (c.Spans.Overflowed)
        {
            reason = $"its records fall into more than {options.MaxSpansPerInterface:N0} separate stretches: the holes between them are not known";
        }
        else if (holes.Count > 0)
        {
            var total = holes.Sum(h => (long)(h.To - h.From).TotalSeconds);
            reason = $"{holes.Count} hole(s) in its logs, {Span(total)} in all, the first {holes[0]}";
        }
        else if (TimeSpan.FromSeconds(Math.Max(0, c.LastEnd - c.FirstStart)) < options.MinimumWindow)
        {
            reason = $"its logs span {Span(c.LastEnd - c.FirstStart)}, less than the minimum window of {Span((long)options.MinimumWindow.TotalSeconds)}";
        }

        return new InterfaceCoverage(i.Id, i.Account, i.Region, i.VpcId, i.SubnetId, reason is null, reason, c.Records, c.NoData, c.SkipData,
            Time(c.FirstStart), Time(c.LastEnd), c.Accepted, c.Rejected, c.Replies, c.UnexplainedBySecurityGroups, c.UnexplainedByNetworkAcl,
            [.. logs.Select(l => l.FlowLogId)]) { Holes = holes };
    }

    /// <summary>
    /// Silences longer than several aggregation intervals between the interface's first record and the window's
    /// end: AWS logs a record or NODATA every interval for a logged interface, so a silence is records not read.
    /// Before its first record the interface may not have existed yet, so that is not a hole.
    /// </summary>
    private static List<CoverageHole> Holes(InterfaceCounters c, RuleUsageAnalyzer analyzer, List<DeliveryGap> deliveryGaps)
    {
        var silences = c.Spans.Gaps().ToList();
        if (analyzer.WindowEnd - c.LastEnd > c.Spans.Tolerance)
        {
            silences.Add((c.LastEnd, analyzer.WindowEnd));
        }

        return [.. silences.Select(s =>
        {
            var files = deliveryGaps.Where(g => g.From.ToUnixTimeSeconds() < s.To && g.To.ToUnixTimeSeconds() > s.From).ToList();
            var reason = files.Count > 0 ? $"S3 files are missing ({string.Join("; ", files)})"
                : analyzer.Activity.Overlaps(s.From, s.To) ? "other interfaces kept logging"
                : "no interface had records then";
            return new CoverageHole(DateTimeOffset.FromUnixTimeSeconds(s.From), DateTimeOffset.FromUnixTimeSeconds(s.To), reason);
        })];
    }

    private static RuleUsage Judge(RuleStats s, List<string> interfaces, Dictionary<string, InterfaceCoverage> coverage, RuleUsageOptions options, IReadOnlySet<int>? aclNumbers)
    {
        var rule = s.Rule;
        RuleUsage Result(RuleVerdict verdict, string reason, IReadOnlyList<SuggestedRule>? suggestion = null) =>
            new(rule, verdict, reason, s.Hits, s.Bytes, s.Packets, s.DistinctPeers, s.PeersCapped, Time(s.FirstSeen), Time(s.LastSeen),
                interfaces, suggestion ?? []) { ReplyHits = s.ReplyHits };

        if (rule.Kind == FirewallRuleKind.NetworkAcl && (!rule.Allow || rule.IsDefaultEntry))
        {
            return Result(RuleVerdict.NotApplicable, "deny entries are not shown used by accepted traffic");
        }

        if (interfaces.Count == 0)
        {
            return rule.Kind == FirewallRuleKind.SecurityGroup
                ? Result(RuleVerdict.Unused, $"its security group {rule.OwnerId} is attached to no network interface")
                : Result(RuleVerdict.NotApplicable, $"no network interface sits in the subnets of {rule.OwnerId}");
        }

        var uncovered = interfaces.Select(i => coverage[i]).Where(c => !c.Covered).ToList();
        var coverageGap = uncovered.Count == 0 ? null
            : $"{uncovered.Count} of {interfaces.Count} interface(s) it applies to are not covered; {uncovered[0].InterfaceId}: {uncovered[0].Reason}";
        if (s.Hits > 0)
        {
            if (coverageGap is not null)
            {
                return Result(RuleVerdict.Used, $"used; breadth not judged: {coverageGap}");
            }

            var suggestion = TighterRuleSuggester.Suggest(s, options, aclNumbers);
            return suggestion.Count > 0
                ? Result(RuleVerdict.OverBroad, $"allows {rule.ProtocolAndPorts} {(rule.Direction == FlowDirection.Ingress ? "from" : "to")} {rule.Peer.Text}, but carried only: {string.Join("; ", suggestion)}", suggestion)
                : Result(RuleVerdict.Used, s.UsageCapped ? "used by traffic too varied to narrow" : "used; not much broader than its traffic");
        }

        if (!rule.Peer.Resolved)
        {
            return Result(RuleVerdict.NotEvaluated, rule.Peer.UnresolvedReason!);
        }

        return coverageGap is null
            ? Result(RuleVerdict.Unused, rule.Kind == FirewallRuleKind.NetworkAcl
                ? $"no accepted packet crossing its subnets' boundary, request or reply, met it first on its {interfaces.Count} interface(s), all covered by the logs"
                : $"no accepted traffic matched it on its {interfaces.Count} interface(s), all covered by the logs")
            : Result(RuleVerdict.NotEvaluated, coverageGap);
    }

    /// <summary>
    /// On a timeline, a rule that did not exist in every snapshot is judged only over the time it existed: no hits
    /// while it did not exist proves nothing, and a stretch of its life the logs do not reach is not evidence.
    /// </summary>
    private static RuleUsage Lifetime(RuleUsage usage, TimelineRuleModel? timeline, RuleUsageAnalyzer analyzer)
    {
        if (timeline is null || timeline.ExistsThroughout(usage.Rule))
        {
            return usage;
        }

        var snapshots = timeline.PeriodsOf(usage.Rule);
        var life = $"it exists in {snapshots.Count} of {timeline.Periods.Count} snapshots ({string.Join(", ", snapshots.Select(p => p.SnapshotId))})";
        usage = usage with { ExistedIn = [.. snapshots.Select(p => p.SnapshotId)] };
        if (usage.Verdict != RuleVerdict.Unused || usage.Hits > 0 || usage.InterfaceIds.Count == 0)
        {
            return usage;
        }

        var covered = analyzer.WindowStart < 0 ? 0 : timeline.Existence(usage.Rule)
            .Sum(s => Math.Max(0, Math.Min(s.To, analyzer.WindowEnd) - Math.Max(s.From, analyzer.WindowStart)));
        if (covered == 0)
        {
            return usage with { Verdict = RuleVerdict.NotEvaluated, Reason = $"{life}; the logs read do not reach the time it existed" };
        }

        return TimeSpan.FromSeconds(covered) < analyzer.Options.MinimumWindow
            ? usage with { Verdict = RuleVerdict.NotEvaluated, Reason = $"{life}; the logs cover {Span(covered)} of its life, less than the minimum window of {Span((long)analyzer.Options.MinimumWindow.TotalSeconds)}" }
            : usage with { Reason = $"{usage.Reason}, over the {Span(covered)} of the window in which it existed; {life}" };
    }

    private static GroupUsage JudgeGroup(SecurityGroupFacts g, List<RuleUsage> rules, Dictionary<string, InterfaceCoverage> coverage)
    {
        var hits = rules.Where(r => r.Rule.Kind == FirewallRuleKind.SecurityGroup && r.Rule.OwnerId == g.Id).Sum(r => r.Hits);
        if (g.InterfaceIds.Count == 0)
        {
            return g.IsDefault
                ? new GroupUsage(g, RuleVerdict.NotApplicable, "a VPC's default group cannot be deleted", 0)
                : new GroupUsage(g, RuleVerdict.Unused, "attached to no network interface", 0);
        }

        if (hits > 0)
        {
            return new GroupUsage(g, RuleVerdict.Used, $"{hits:N0} flow record(s) used its rules", hits);
        }

        var uncovered = g.InterfaceIds.Select(i => coverage[i]).Where(c => !c.Covered).ToList();
        return uncovered.Count == 0
            ? new GroupUsage(g, RuleVerdict.Unused, $"no accepted traffic used any of its rules on its {g.InterfaceIds.Count} interface(s), all covered", 0)
            : new GroupUsage(g, RuleVerdict.NotEvaluated, $"{uncovered.Count} of {g.InterfaceIds.Count} interface(s) not covered; {uncovered[0].InterfaceId}: {uncovered[0].Reason}", 0);
    }

    private static List<AreaCoverage> Areas(string kind, List<InterfaceCoverage> coverage, Func<InterfaceCoverage, string?> key) =>
        [.. coverage.Where(c => key(c) is not null).GroupBy(c => key(c)!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var seen = g.Where(c => c.From is not null).ToList();
            return new AreaCoverage(kind, g.Key, g.First().Account, g.First().Region, g.Count(), g.Count(c => c.Covered),
                seen.Count == 0 ? null : seen.Min(c => c.From), seen.Count == 0 ? null : seen.Max(c => c.To));
        })];

    internal static DateTimeOffset? Time(long unixSeconds) => unixSeconds < 0 ? null : DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    internal static string Span(long seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, seconds)} seconds"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} minutes"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600} hours"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400} days"),
    };
}
