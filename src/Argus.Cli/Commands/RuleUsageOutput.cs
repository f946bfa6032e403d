using System.Globalization;
using System.Text.Json;
using Argus.Cli.Terminal;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Cli.Commands;

/// <summary>Writes a rule-usage report as tables (coverage first), JSON or CSV (one row per rule).</summary>
public static class RuleUsageOutput
{
    private const int BadInputListed = 10;

    public static void Write(CliContext context, string format, string snapshotId, RuleUsageReport report, bool all, int limit)
    {
        switch (format)
        {
            case "json":
                context.Out.WriteLine(JsonSerializer.Serialize(Json(snapshotId, report), CliJson.Options));
                WriteBadInput(context.Error, report);
                break;
            case "csv":
                CsvWriter.WriteRow(context.Out, ["verdict", "rule_id", "kind", "owner", "direction", "protocol_ports", "peer", "hits", "bytes", "distinct_peers", "first_seen", "last_seen", "interfaces", "suggestion", "reason"]);
                foreach (var r in Ordered(report.Rules))
                {
                    CsvWriter.WriteRow(context.Out, [Verdict(r.Verdict), r.Rule.Id, Kind(r.Rule), r.Rule.OwnerId, Direction(r.Rule), r.Rule.ProtocolAndPorts, r.Rule.Peer.Text,
                        Num(r.Hits), Num(r.Bytes), Num(r.DistinctPeers), Time(r.FirstSeen), Time(r.LastSeen), Num(r.InterfaceIds.Count),
                        string.Join("; ", r.Suggestion), r.Reason]);
                }

                WriteBadInput(context.Error, report);
                break;
            default:
                WriteTables(context, snapshotId, report, all, limit);
                break;
        }
    }

    private static void WriteTables(CliContext context, string snapshotId, RuleUsageReport report, bool all, int limit)
    {
        var o = context.Out;
        o.WriteLine($"Rule usage of snapshot {snapshotId}: {report.Records:N0} records from {report.Sources.Count:N0} file(s), "
            + (report.From is null ? "no records in the window." : $"{report.From:yyyy-MM-dd HH:mm} to {report.To:yyyy-MM-dd HH:mm} UTC."));
        if (report.OutsideWindow > 0 || report.ForUnknownInterfaces > 0 || report.WithoutInterface > 0)
        {
            o.WriteLine($"  Not attributed: {report.OutsideWindow:N0} outside --since/--until, {report.ForUnknownInterfaces:N0} record(s) of {report.UnknownInterfaces.Count:N0} interface(s) not in the snapshot"
                + (report.UnknownInterfaces.Count > 0 ? $" (e.g. {string.Join(", ", report.UnknownInterfaces.Keys.Order(StringComparer.Ordinal).Take(3))})" : "")
                + $", {report.WithoutInterface:N0} without interface-id.");
        }

        if (report.Snapshots.Count > 0)
        {
            o.WriteLine($"  Judged against {report.Snapshots.Count:N0} snapshots by record time: "
                + string.Join(", ", report.Snapshots.Select(s => $"{s.SnapshotId} (from {s.TakenAt:yyyy-MM-dd HH:mm}, {s.Records:N0} records)"))
                + (report.BeforeFirstSnapshot > 0 ? $"; {report.BeforeFirstSnapshot:N0} record(s) predate the first snapshot and were judged against it." : "."));
        }

        WriteBadInput(o, report);
        o.WriteLine();

        TableWriter.Write(context, ["scope", "id", "covered", "from", "to"],
            report.Vpcs.Concat(report.Subnets).Select(a => (IReadOnlyList<string>)[a.Kind, a.Id, $"{a.CoveredInterfaces}/{a.Interfaces}", Time(a.From), Time(a.To)]),
            "Coverage (interfaces whose logs can show a rule unused)");
        var uncovered = report.Interfaces.Where(i => !i.Covered).ToList();
        if (uncovered.Count > 0)
        {
            o.WriteLine($"{uncovered.Count:N0} of {report.Interfaces.Count:N0} interface(s) not covered, so rules on them are not called unused:");
            foreach (var i in uncovered.Take(BadInputListed))
            {
                o.WriteLine($"  {i.InterfaceId} ({i.SubnetId}): {i.Reason}");
            }

            if (uncovered.Count > BadInputListed)
            {
                o.WriteLine($"  ... and {uncovered.Count - BadInputListed:N0} more (--format json lists them all)");
            }
        }

        o.WriteLine();
        var shown = Ordered(report.Rules).Where(r => all || r.Verdict is RuleVerdict.Unused or RuleVerdict.OverBroad or RuleVerdict.NotEvaluated).ToList();
        var rows = shown.Take(limit == 0 ? int.MaxValue : limit)
            .Select(r => (IReadOnlyList<string>)[Verdict(r.Verdict), r.Rule.ToString(), Num(r.Hits), Num(r.DistinctPeers), Time(r.LastSeen),
                r.Verdict == RuleVerdict.OverBroad ? "suggest: " + string.Join("; ", r.Suggestion) : r.Reason])
            .ToList();
        if (rows.Count > 0)
        {
            TableWriter.Write(context, ["verdict", "rule", "hits", "peers", "last seen", "why"], rows, "Rules");
        }

        if (rows.Count < shown.Count)
        {
            o.WriteLine($"Showing {rows.Count:N0} of {shown.Count:N0} rules; use --limit 0 or --format csv for all.");
        }

        var unusedGroups = report.Groups.Where(g => g.Verdict == RuleVerdict.Unused).ToList();
        if (unusedGroups.Count > 0)
        {
            o.WriteLine();
            TableWriter.Write(context, ["group", "name", "vpc", "why"],
                unusedGroups.Select(g => (IReadOnlyList<string>)[g.Group.Id, g.Group.Name, g.Group.VpcId ?? "", g.Reason]), "Unused security groups");
        }

        var counts = report.Rules.GroupBy(r => r.Verdict).ToDictionary(g => g.Key, g => g.Count());
        o.WriteLine();
        o.WriteLine($"{report.Rules.Count:N0} rules: {counts.GetValueOrDefault(RuleVerdict.Used):N0} used, {counts.GetValueOrDefault(RuleVerdict.OverBroad):N0} over-broad, "
            + $"{counts.GetValueOrDefault(RuleVerdict.Unused):N0} unused, {counts.GetValueOrDefault(RuleVerdict.NotEvaluated):N0} not evaluated (coverage), "
            + $"{counts.GetValueOrDefault(RuleVerdict.NotApplicable):N0} deny/default entries; {unusedGroups.Count:N0} unused group(s).");
    }

    /// <summary>The bad-input summary: malformed lines with file and line, and whole-file problems.</summary>
    private static void WriteBadInput(TextWriter w, RuleUsageReport report)
    {
        var problems = report.Problems.ToList();
        if (report.MalformedLines == 0 && problems.Count == 0)
        {
            return;
        }

        w.WriteLine($"  Bad input: {report.MalformedLines:N0} malformed line(s) in {report.Sources.Count(s => s.MalformedLines > 0):N0} file(s), {problems.Count:N0} file problem(s); they were skipped and counted:");
        foreach (var bad in report.Sources.SelectMany(s => s.BadLines).Take(BadInputListed))
        {
            w.WriteLine($"    {bad}");
        }

        foreach (var p in problems.Take(BadInputListed))
        {
            w.WriteLine($"    {p}");
        }

        if (report.MalformedLines > BadInputListed || problems.Count > BadInputListed)
        {
            w.WriteLine("    ... (--format json lists up to 100 bad lines per file)");
        }
    }

    private static object Json(string snapshotId, RuleUsageReport report) => new
    {
        snapshot = snapshotId,
        window = new { from = report.From, to = report.To },
        snapshots = report.Snapshots.Select(s => new { id = s.SnapshotId, takenAt = s.TakenAt, s.Records }),
        recordsBeforeFirstSnapshot = report.Snapshots.Count > 0 ? report.BeforeFirstSnapshot : (long?)null,
        records = report.Records,
        outsideWindow = report.OutsideWindow,
        forUnknownInterfaces = report.ForUnknownInterfaces,
        withoutInterface = report.WithoutInterface,
        unknownInterfaces = report.UnknownInterfaces,
        malformedLines = report.MalformedLines,
        sources = report.Sources.Select(s => new
        {
            source = s.Source, s.Format, s.Gzip, s.HadHeader, s.Lines, s.Records, s.OkRecords, s.NoDataRecords, s.SkipDataRecords, s.EmptyLines,
            s.MalformedLines, badLines = s.BadLines.Select(b => new { b.Line, b.Reason }), s.Problems,
        }),
        coverage = new
        {
            vpcs = report.Vpcs,
            subnets = report.Subnets,
            interfaces = report.Interfaces,
            deliveryGaps = report.DeliveryGaps,
        },
        rules = Ordered(report.Rules).Select(r => new
        {
            verdict = Verdict(r.Verdict),
            id = r.Rule.Id,
            key = r.Rule.Key,
            kind = Kind(r.Rule),
            owner = r.Rule.OwnerId,
            account = r.Rule.Account,
            region = r.Rule.Region,
            direction = Direction(r.Rule),
            protocol = IpProtocols.Name(r.Rule.Protocol),
            ports = r.Rule.ProtocolAndPorts,
            peer = r.Rule.Peer.Text,
            ruleNumber = r.Rule.Kind == FirewallRuleKind.NetworkAcl ? r.Rule.RuleNumber : (int?)null,
            r.Hits, replyHits = r.Rule.Kind == FirewallRuleKind.NetworkAcl ? r.ReplyHits : (long?)null, r.Bytes, r.Packets, r.DistinctPeers, r.PeersCapped, r.FirstSeen, r.LastSeen,
            interfaces = r.InterfaceIds,
            existedIn = r.ExistedIn.Count > 0 ? r.ExistedIn : null,
            suggestion = r.Suggestion.Select(s => s.ToString()),
            r.Reason,
        }),
        groups = report.Groups.Select(g => new { id = g.Group.Id, name = g.Group.Name, vpc = g.Group.VpcId, verdict = Verdict(g.Verdict), g.Reason, g.Hits, interfaces = g.Group.InterfaceIds }),
        findings = report.Findings.Where(f => f.Status != Core.Model.FindingStatus.Pass).Select(f => new
        {
            f.CheckId, f.ResourceId, f.Account, f.Region, f.Status, f.Severity, f.Message, evidence = JsonDocument.Parse(f.Evidence).RootElement,
        }),
    };

    private static IEnumerable<RuleUsage> Ordered(IEnumerable<RuleUsage> rules) =>
        rules.OrderBy(r => r.Verdict switch
        {
            RuleVerdict.Unused => 0,
            RuleVerdict.OverBroad => 1,
            RuleVerdict.NotEvaluated => 2,
            RuleVerdict.Used => 3,
            _ => 4,
        }).ThenBy(r => r.Rule.Account, StringComparer.Ordinal).ThenBy(r => r.Rule.Id, StringComparer.Ordinal);

    private static string Verdict(RuleVerdict v) => v switch
    {
        RuleVerdict.OverBroad => "over-broad",
        RuleVerdict.NotEvaluated => "not-evaluated",
        RuleVerdict.NotApplicable => "not-applicable",
        _ => v.ToString().ToLowerInvariant(),
    };

    private static string Kind(FirewallRule r) => r.Kind == FirewallRuleKind.SecurityGroup ? "security-group-rule" : "network-acl-entry";

    private static string Direction(FirewallRule r) => r.Direction == FlowDirection.Ingress ? "ingress" : "egress";

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
