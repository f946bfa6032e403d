using Argus.Core.Model;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

public sealed class RuleVerdictTests : IDisposable
{
    private const long T0 = 1_700_000_000;
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static RuleUsageOptions Hour => new() { MinimumWindow = TimeSpan.FromHours(1) };

    private RuleUsageReport Run(IReadOnlyList<RawDocument> docs, params string[] lines)
    {
        // NODATA every ten minutes for two hours, as AWS logs idle intervals: each interface's window is over the
        // minimum and has no hole.
        var all = lines.Concat(Idle("eni-web", T0, T0 + 7200)).Concat(Idle("eni-app", T0, T0 + 7200)).ToArray();
        Fixtures.WriteLog(folder, "a.log", all);
        return Fixtures.Analyse(SnapshotRuleModel.FromDocuments(docs), folder, Hour);
    }

    private static IEnumerable<string> Idle(string eni, long from, long to) => SmallNetwork.Idle(eni, from, to);

    [Fact]
    public void A_hole_in_an_interfaces_logs_makes_its_rules_not_proven_unused()
    {
        // eni-web is silent for an hour while eni-app keeps logging: a lost file, a paused log, not an idle server.
        var lines = new[] { SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 443, T0) }
            .Concat(Idle("eni-web", T0, T0 + 1800)).Concat(Idle("eni-web", T0 + 5400, T0 + 7200)).Concat(Idle("eni-app", T0, T0 + 7200)).ToArray();
        Fixtures.WriteLog(folder, "a.log", lines);

        var report = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(SmallNetwork.Documents()), folder, Hour);

        var web = report.Interfaces.Single(i => i.InterfaceId == "eni-web");
        Assert.False(web.Covered);
        var hole = Assert.Single(web.Holes);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(T0 + 2400), hole.From);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(T0 + 5400), hole.To);
        Assert.Equal("other interfaces kept logging", hole.Reason);
        Assert.Contains("1 hole(s) in its logs, 50 minutes in all", web.Reason);
        var ssh = report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/22-22/10.0.0.0/8");
        Assert.Equal(RuleVerdict.NotEvaluated, ssh.Verdict);
        Assert.Contains("eni-web: 1 hole(s)", ssh.Reason);
        Assert.Contains("\"holes\":[{", report.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId == ssh.Rule.Id).Evidence);
        Assert.True(report.Interfaces.Single(i => i.InterfaceId == "eni-app").Covered);
        Assert.Equal(RuleVerdict.Unused, report.Rules.Single(r => r.Rule.Key == "sg-app/ingress/tcp/8080-8080/sg-web").Verdict);
    }

    [Fact]
    public void Logs_that_stop_early_leave_a_hole_up_to_the_windows_end_but_a_late_start_does_not()
    {
        var lines = Idle("eni-web", T0, T0 + 3600).Concat(Idle("eni-app", T0 + 3600, T0 + 7200)).ToArray();
        Fixtures.WriteLog(folder, "a.log", lines);

        var report = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(SmallNetwork.Documents()), folder, new RuleUsageOptions { MinimumWindow = TimeSpan.FromMinutes(30) });

        var hole = Assert.Single(report.Interfaces.Single(i => i.InterfaceId == "eni-web").Holes);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(T0 + 4200), hole.From);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(T0 + 7800), hole.To);
        Assert.Empty(report.Interfaces.Single(i => i.InterfaceId == "eni-app").Holes);
    }

    [Fact]
    public void Missing_S3_hour_files_are_reported_and_explain_the_hole()
    {
        var docs = SmallNetwork.Documents(flowLogTrafficType: "ALL");
        var day = Path.Combine(folder, "AWSLogs", "111122223333", "vpcflowlogs", "eu-west-1", "2023", "11", "14");
        Directory.CreateDirectory(day);
        var hour0 = T0 - (T0 % 3600);
        foreach (var h in new[] { 0, 1, 4, 5 })
        {
            var t = hour0 + (h * 3600);
            var stamp = DateTimeOffset.FromUnixTimeSeconds(t).UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture);
            Fixtures.WriteLog(day, $"111122223333_vpcflowlogs_eu-west-1_fl-1_{stamp}_0a1b2c3d.log",
                [.. Idle("eni-web", t, t + 3000), .. Idle("eni-app", t, t + 3000)]);
        }

        var report = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(docs), folder, Hour);

        var gap = Assert.Single(report.DeliveryGaps);
        Assert.Equal("fl-1", gap.FlowLogId);
        Assert.Equal(2, gap.Hours);
        Assert.All(report.Interfaces, i => Assert.StartsWith("S3 files are missing (fl-1: no S3 file for 2 hour(s)", Assert.Single(i.Holes).Reason, StringComparison.Ordinal));
        Assert.DoesNotContain(report.Rules, r => r.Verdict == RuleVerdict.Unused);
    }

    [Fact]
    public void A_covered_rule_without_traffic_is_unused_with_a_failing_finding()
    {
        var report = Run(SmallNetwork.Documents(),
            SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 443, T0));

        var ssh = report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/22-22/10.0.0.0/8");
        Assert.Equal(RuleVerdict.Unused, ssh.Verdict);
        var finding = report.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId == ssh.Rule.Id);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Contains("\"description\":\"admins\"", finding.Evidence);
        Assert.Contains("\"covered\":true", finding.Evidence);
        Assert.Equal(FindingStatus.Pass, report.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId == "sg-web/ingress/tcp/443-443/0.0.0.0/0").Status);
    }

    [Fact]
    public void Reply_packets_alone_never_make_a_rule_used()
    {
        // Only the web server's answers from port 22 were logged: the SSH rule allowed nothing new.
        var report = Run(SmallNetwork.Documents(),
            SmallNetwork.Record("eni-web", "10.0.1.10", "10.9.9.9", 22, 50000, T0),
            SmallNetwork.Record("eni-web", "10.0.1.10", "10.9.9.9", 22, 50001, T0 + 60));

        Assert.Equal(RuleVerdict.Unused, report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/22-22/10.0.0.0/8").Verdict);
        Assert.Equal(0, report.Rules.Single(r => r.Rule.Key == "sg-web/egress/all/all/0.0.0.0/0").Hits);
        Assert.Equal(2, report.Interfaces.Single(i => i.InterfaceId == "eni-web").Replies);
    }

    [Fact]
    public void Uncovered_interfaces_make_no_claim_and_say_why()
    {
        Fixtures.WriteLog(folder, "a.log", SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 443, T0));

        var report = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(SmallNetwork.Documents()), folder, Hour);

        var app = report.Rules.Single(r => r.Rule.Key == "sg-app/ingress/tcp/8080-8080/sg-web");
        Assert.Equal(RuleVerdict.NotEvaluated, app.Verdict);
        Assert.Contains("eni-app: no record of it in the logs read", app.Reason);
        var finding = report.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId == app.Rule.Id);
        Assert.Equal(FindingStatus.Manual, finding.Status);
        var ssh = report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/22-22/10.0.0.0/8");
        Assert.Equal(RuleVerdict.NotEvaluated, ssh.Verdict);
        Assert.Contains("minimum window", ssh.Reason);
    }

    [Fact]
    public void A_reject_only_flow_log_cannot_show_a_rule_unused()
    {
        var report = Run(SmallNetwork.Documents(flowLogTrafficType: "REJECT"),
            SmallNetwork.Record("eni-web", "203.0.113.9", "10.0.1.10", 50000, 3389, T0, "REJECT"));

        Assert.All(report.Interfaces, i => Assert.Contains("REJECT traffic only", i.Reason));
        Assert.DoesNotContain(report.Rules, r => r.Verdict == RuleVerdict.Unused);
    }

    [Fact]
    public void Group_references_match_the_member_interfaces_addresses()
    {
        var report = Run(SmallNetwork.Documents(),
            SmallNetwork.Record("eni-app", "10.0.1.10", "10.0.2.20", 40000, 8080, T0),
            SmallNetwork.Record("eni-app", "10.0.3.30", "10.0.2.20", 40000, 8080, T0));

        var app = report.Rules.Single(r => r.Rule.Key == "sg-app/ingress/tcp/8080-8080/sg-web");
        Assert.Equal(1, app.Hits);
        Assert.Equal(1, report.Interfaces.Single(i => i.InterfaceId == "eni-app").UnexplainedBySecurityGroups);
    }

    [Fact]
    public void Prefix_lists_without_entries_are_never_called_unused()
    {
        var without = Run(SmallNetwork.Documents());
        var with = Run(SmallNetwork.Documents(withPrefixListEntries: true),
            SmallNetwork.Record("eni-web", "192.0.2.5", "10.0.1.10", 40000, 5432, T0));

        var unresolved = without.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/5432-5432/pl-db");
        Assert.Equal(RuleVerdict.NotEvaluated, unresolved.Verdict);
        Assert.Contains("GetManagedPrefixListEntries", unresolved.Reason);
        Assert.Equal(1, with.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/5432-5432/pl-db").Hits);
    }

    [Fact]
    public void Rule_ids_come_from_DescribeSecurityGroupRules_when_present()
    {
        var model = SnapshotRuleModel.FromDocuments(SmallNetwork.Documents(withRuleIds: true));

        var ssh = model.Rules.Single(r => r.Key == "sg-web/ingress/tcp/22-22/10.0.0.0/8");
        Assert.Equal("sgr-0123456789abcdef0", ssh.Id);
        Assert.Equal("sg-web/ingress/tcp/443-443/0.0.0.0/0", model.Rules.Single(r => r.Key == "sg-web/ingress/tcp/443-443/0.0.0.0/0").Id);
    }

    [Fact]
    public void IPv6_flows_match_IPv6_ranges_and_a_public_web_rule_is_not_over_broad()
    {
        var lines = Enumerable.Range(0, 40)
            .Select(i => SmallNetwork.Record("eni-web", $"198.51.{i}.{i + 1}", "10.0.1.10", 50000 + i, 443, T0 + i))
            .Append(SmallNetwork.Record("eni-web", "2001:db8:ffff::7", "2001:db8:1::10", 50000, 443, T0))
            .ToArray();

        var report = Run(SmallNetwork.Documents(), lines);

        Assert.Equal(40, report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/443-443/0.0.0.0/0").Hits);
        var v6 = report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/443-443/::/0");
        Assert.Equal(1, v6.Hits);
        Assert.Equal(RuleVerdict.Used, report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/443-443/0.0.0.0/0").Verdict);
    }

    [Fact]
    public void Records_outside_since_are_skipped_and_counted()
    {
        Fixtures.WriteLog(folder, "a.log",
            SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 443, T0),
            SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50001, 443, T0 + 3600));

        var report = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(SmallNetwork.Documents()), folder,
            new RuleUsageOptions { Since = DateTimeOffset.FromUnixTimeSeconds(T0 + 1800), MinimumWindow = TimeSpan.Zero });

        Assert.Equal(1, report.OutsideWindow);
        Assert.Equal(1, report.Rules.Single(r => r.Rule.Key == "sg-web/ingress/tcp/443-443/0.0.0.0/0").Hits);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(T0 + 3600), report.From);
    }
}
