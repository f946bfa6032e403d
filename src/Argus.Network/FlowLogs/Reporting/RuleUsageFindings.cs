using System.Text;
using System.Text.Json;
using Argus.Core.Model;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>
/// The check results of a rule-usage report: unused rules and groups and over-broad rules fail; used ones pass;
/// those the logs do not cover are Manual with the reason, so an earlier finding is neither silently kept nor
/// silently resolved. Evidence is JSON: the rule, its usage, the window and the coverage behind the verdict.
/// </summary>
public static class RuleUsageFindings
{
    private const int MaxListed = 20;

    public static IReadOnlyList<CheckResult> From(RuleUsageReport report, IReadOnlyDictionary<string, InterfaceCoverage> coverage)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<CheckResult>();
        var groupsWithoutInterfaces = report.Groups.Where(g => g.Group.InterfaceIds.Count == 0).Select(g => g.Group.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var u in report.Rules)
        {
            var rule = u.Rule;
            if (u.Verdict == RuleVerdict.NotApplicable || (rule.Kind == FirewallRuleKind.SecurityGroup && groupsWithoutInterfaces.Contains(rule.OwnerId)))
            {
                continue;
            }

            var (status, message) = u.Verdict switch
            {
                RuleVerdict.Unused => (FindingStatus.Fail, $"Unused rule: {rule} carried no traffic from {Window(report)}."),
                RuleVerdict.NotEvaluated => (FindingStatus.Manual, $"Rule usage not evaluated for {rule}: {u.Reason}."),
                _ => (FindingStatus.Pass, $"{rule} carried {u.Hits:N0} flow record(s) from {u.DistinctPeers:N0}{(u.PeersCapped ? "+" : "")} peer(s)."),
            };
            results.Add(Result(RuleUsageChecks.UnusedRule, rule.Id, rule.Account, rule.Region, status, Severity.Low, message, Evidence(report, u, coverage)));

            if (u.Hits > 0)
            {
                var covered = !u.Reason.StartsWith("used; breadth not judged", StringComparison.Ordinal);
                var (broadStatus, broadMessage) = u.Verdict == RuleVerdict.OverBroad
                    ? (FindingStatus.Fail, $"Over-broad rule: {rule} {u.Reason["allows ".Length..]}. Suggested: {string.Join("; ", u.Suggestion)}.")
                    : covered
                        ? (FindingStatus.Pass, $"{rule}: {u.Reason}.")
                        : (FindingStatus.Manual, $"Breadth of {rule} not judged: {u.Reason["used; breadth not judged: ".Length..]}.");
                var severity = rule.Direction == FlowDirection.Ingress && rule.Peer.Cidr is { IsAny: true } ? Severity.Medium : Severity.Low;
                results.Add(Result(RuleUsageChecks.OverBroadRule, rule.Id, rule.Account, rule.Region, broadStatus, severity, broadMessage, Evidence(report, u, coverage)));
            }
        }

        foreach (var g in report.Groups.Where(g => g.Verdict != RuleVerdict.NotApplicable))
        {
            var status = g.Verdict switch
            {
                RuleVerdict.Unused => FindingStatus.Fail,
                RuleVerdict.NotEvaluated => FindingStatus.Manual,
                _ => FindingStatus.Pass,
            };
            var message = g.Verdict switch
            {
                RuleVerdict.Unused => $"Unused security group {g.Group.Id} ({g.Group.Name}): {g.Reason}.",
                RuleVerdict.NotEvaluated => $"Usage of security group {g.Group.Id} ({g.Group.Name}) not evaluated: {g.Reason}.",
                _ => $"Security group {g.Group.Id} ({g.Group.Name}) is used: {g.Reason}.",
            };
            results.Add(Result(RuleUsageChecks.UnusedGroup, g.Group.Id, g.Group.Account, g.Group.Region, status, Severity.Low, message, GroupEvidence(report, g, coverage)));
        }

        return results;
    }

    private static CheckResult Result(string check, string resource, string account, string region, FindingStatus status, Severity severity, string message, string evidence) =>
        new(check, resource, Provider.Aws, account, region, status, severity, message, evidence, []);

    private static string Window(RuleUsageReport report) =>
        report.From is null ? "no records" : $"{report.From:yyyy-MM-dd HH:mm} to {report.To:yyyy-MM-dd HH:mm} UTC";

    private static string Evidence(RuleUsageReport report, RuleUsage u, IReadOnlyDictionary<string, InterfaceCoverage> coverage) =>
        Json(w =>
        {
            var r = u.Rule;
            w.WriteStartObject("rule");
            w.WriteString("id", r.Id);
            w.WriteString("key", r.Key);
            w.WriteString("kind", r.Kind == FirewallRuleKind.SecurityGroup ? "security-group-rule" : "network-acl-entry");
            w.WriteString("owner", r.OwnerId);
            w.WriteString("direction", r.Direction == FlowDirection.Ingress ? "ingress" : "egress");
            w.WriteString("protocol", IpProtocols.Name(r.Protocol));
            w.WriteString("ports", r.ProtocolAndPorts);
            w.WriteString("peer", r.Peer.Text);
            if (r.Kind == FirewallRuleKind.NetworkAcl)
            {
                w.WriteNumber("ruleNumber", r.RuleNumber);
            }

            if (r.Description is not null)
            {
                w.WriteString("description", r.Description);
            }

            w.WriteEndObject();
            w.WriteString("verdict", u.Verdict.ToString());
            w.WriteString("reason", u.Reason);
            w.WriteNumber("hits", u.Hits);
            if (r.Kind == FirewallRuleKind.NetworkAcl)
            {
                w.WriteNumber("replyHits", u.ReplyHits);
            }

            w.WriteNumber("bytes", u.Bytes);
            w.WriteNumber("packets", u.Packets);
            w.WriteNumber("distinctPeers", u.DistinctPeers);
            w.WriteBoolean("peersCapped", u.PeersCapped);
            WriteTime(w, "firstSeen", u.FirstSeen);
            WriteTime(w, "lastSeen", u.LastSeen);
            if (u.Suggestion.Count > 0)
            {
                w.WriteStartArray("suggestedRules");
                foreach (var s in u.Suggestion)
                {
                    w.WriteStartObject();
                    if (s.RuleNumber > 0)
                    {
                        w.WriteNumber("ruleNumber", s.RuleNumber);
                        w.WriteBoolean("forReplies", s.ForReplies);
                    }

                    w.WriteString("protocol", IpProtocols.Name(s.Protocol));
                    if (s.FromPort >= 0)
                    {
                        w.WriteNumber("fromPort", s.FromPort);
                        w.WriteNumber("toPort", s.ToPort);
                    }

                    w.WriteStartArray("peers");
                    foreach (var p in s.Peers)
                    {
                        w.WriteStringValue(p);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (u.ExistedIn.Count > 0)
            {
                w.WriteStartArray("existedIn");
                foreach (var id in u.ExistedIn)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
            }

            WriteWindow(w, report);
            WriteInterfaces(w, u.InterfaceIds.Select(i => coverage[i]));
        });

    private static string GroupEvidence(RuleUsageReport report, GroupUsage g, IReadOnlyDictionary<string, InterfaceCoverage> coverage) =>
        Json(w =>
        {
            w.WriteStartObject("group");
            w.WriteString("id", g.Group.Id);
            w.WriteString("name", g.Group.Name);
            if (g.Group.VpcId is not null)
            {
                w.WriteString("vpc", g.Group.VpcId);
            }

            w.WriteEndObject();
            w.WriteString("verdict", g.Verdict.ToString());
            w.WriteString("reason", g.Reason);
            w.WriteNumber("hits", g.Hits);
            WriteWindow(w, report);
            WriteInterfaces(w, g.Group.InterfaceIds.Select(i => coverage[i]));
        });

    private static void WriteWindow(Utf8JsonWriter w, RuleUsageReport report)
    {
        w.WriteStartObject("window");
        WriteTime(w, "from", report.From);
        WriteTime(w, "to", report.To);
        w.WriteNumber("records", report.Records);
        w.WriteNumber("malformedLines", report.MalformedLines);
        w.WriteNumber("sources", report.Sources.Count);
        if (report.Snapshots.Count > 0)
        {
            // Which rules and memberships judged which records: the timeline the verdict rests on.
            w.WriteNumber("recordsBeforeFirstSnapshot", report.BeforeFirstSnapshot);
            w.WriteStartArray("snapshots");
            foreach (var s in report.Snapshots)
            {
                w.WriteStartObject();
                w.WriteString("id", s.SnapshotId);
                WriteTime(w, "takenAt", s.TakenAt);
                w.WriteNumber("records", s.Records);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteInterfaces(Utf8JsonWriter w, IEnumerable<InterfaceCoverage> interfaces)
    {
        var all = interfaces.ToList();
        w.WriteNumber("interfaceCount", all.Count);
        w.WriteStartArray("interfaces");
        foreach (var c in all.Take(MaxListed))
        {
            w.WriteStartObject();
            w.WriteString("id", c.InterfaceId);
            w.WriteBoolean("covered", c.Covered);
            if (c.Reason is not null)
            {
                w.WriteString("reason", c.Reason);
            }

            WriteTime(w, "from", c.From);
            WriteTime(w, "to", c.To);
            w.WriteNumber("records", c.Records);
            w.WriteNumber("skipData", c.SkipData);
            if (c.Holes.Count > 0)
            {
                w.WriteStartArray("holes");
                foreach (var h in c.Holes.Take(MaxListed))
                {
                    w.WriteStartObject();
                    WriteTime(w, "from", h.From);
                    WriteTime(w, "to", h.To);
                    w.WriteString("reason", h.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
