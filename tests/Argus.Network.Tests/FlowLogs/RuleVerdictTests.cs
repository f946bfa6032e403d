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
        // A NODATA record two hours on keeps every interface's window over the minimum.
        var all = lines.Concat(["2 111122223333 eni-web - - - - - - - " + (T0 + 7200) + " " + (T0 + 7260) + " - NODATA",
                                "2 111122223333 eni-app - - - - - - - " + (T0 + 7200) + " " + (T0 + 7260) + " - NODATA"]).ToArray();
        Fixtures.WriteLog(folder, "a.log", all);
        return Fixtures.Analyse(SnapshotRuleModel.FromDocuments(docs), folder, Hour);
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
