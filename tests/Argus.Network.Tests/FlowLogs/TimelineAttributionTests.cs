using Argus.Core.Model;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

/// <summary>
/// Two snapshots an hour apart: the first has rule tcp 3389 from anywhere on sg-web and eni-app in sg-app only;
/// the second drops 3389, adds tcp 8443 from anywhere, and moves eni-app into sg-web.
/// </summary>
public sealed class TimelineAttributionTests : IDisposable
{
    private const long T0 = 1_700_000_000;
    private const long Second = T0 + 3600;
    private const string Rdp = "sg-web/ingress/tcp/3389-3389/0.0.0.0/0";
    private const string Alt = "sg-web/ingress/tcp/8443-8443/0.0.0.0/0";
    private const string Ssh = "sg-web/ingress/tcp/22-22/10.0.0.0/8";
    private const string Https = "sg-web/ingress/tcp/443-443/0.0.0.0/0";
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IReadOnlyList<RawDocument> Docs(int extraPort, string appGroups) =>
    [
        Fixtures.Document("DescribeSecurityGroups", $$"""
            {"SecurityGroups": [
              {"GroupId": "sg-web", "GroupName": "web", "VpcId": "vpc-1",
               "IpPermissions": [
                 {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
                 {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
                 {"IpProtocol": "tcp", "FromPort": {{extraPort}}, "ToPort": {{extraPort}}, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
               ],
               "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]},
              {"GroupId": "sg-app", "GroupName": "app", "VpcId": "vpc-1",
               "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": "sg-web", "UserId": "111122223333"}]}],
               "IpPermissionsEgress": []}
            ]}
            """),
        Fixtures.Document("DescribeNetworkInterfaces", $$"""
            {"NetworkInterfaces": [
              {"NetworkInterfaceId": "eni-web", "SubnetId": "subnet-1", "VpcId": "vpc-1", "InterfaceType": "interface", "PrivateIpAddress": "10.0.1.10",
               "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.10"}], "Groups": [{"GroupId": "sg-web"}]},
              {"NetworkInterfaceId": "eni-app", "SubnetId": "subnet-2", "VpcId": "vpc-1", "InterfaceType": "interface", "PrivateIpAddress": "10.0.2.20",
               "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.2.20"}], "Groups": [{{appGroups}}]}
            ]}
            """),
        Fixtures.Document("DescribeSubnets", """
            {"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"}, {"SubnetId": "subnet-2", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24"}]}
            """),
    ];

    private static IReadOnlyList<RawDocument> Before => Docs(3389, """{"GroupId": "sg-app"}""");

    private static IReadOnlyList<RawDocument> After => Docs(8443, """{"GroupId": "sg-app"}, {"GroupId": "sg-web"}""");

    private static TimelineRuleModel Timeline(long first = T0, long second = Second) => TimelineRuleModel.Build(
    [
        new TimelineSnapshot("snap-after", DateTimeOffset.FromUnixTimeSeconds(second), () => SnapshotRuleModel.FromDocuments(After)),
        new TimelineSnapshot("snap-before", DateTimeOffset.FromUnixTimeSeconds(first), () => SnapshotRuleModel.FromDocuments(Before)),
    ]);

    private RuleUsageReport Run(IRuleUsageModel model, TimeSpan minimumWindow, params string[] lines)
    {
        // Both interfaces log an idle record every ten minutes for two hours: covered, no holes.
        Fixtures.WriteLog(folder, "a.log", [.. lines, .. SmallNetwork.Idle("eni-web", T0, T0 + 7200), .. SmallNetwork.Idle("eni-app", T0, T0 + 7200)]);
        return Fixtures.Analyse(model, folder, new RuleUsageOptions { MinimumWindow = minimumWindow });
    }

    private static RuleUsage Rule(RuleUsageReport report, string key) => report.Rules.Single(r => r.Rule.Key == key);

    [Fact]
    public void Traffic_through_a_rule_removed_mid_window_is_attributed_to_it_not_unexplained()
    {
        var rdp = SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 3389, T0 + 600);

        var timeline = Run(Timeline(), TimeSpan.Zero, rdp);
        var latestOnly = Run(SnapshotRuleModel.FromDocuments(After), TimeSpan.Zero, rdp);

        Assert.Equal(1, Rule(timeline, Rdp).Hits);
        Assert.Equal(RuleVerdict.OverBroad, Rule(timeline, Rdp).Verdict);
        Assert.Equal(["snap-before"], Rule(timeline, Rdp).ExistedIn);
        Assert.Equal(0, timeline.Interfaces.Single(i => i.InterfaceId == "eni-web").UnexplainedBySecurityGroups);
        Assert.Equal(1, latestOnly.Interfaces.Single(i => i.InterfaceId == "eni-web").UnexplainedBySecurityGroups);
        Assert.DoesNotContain(latestOnly.Rules, r => r.Rule.Key == Rdp);
    }

    [Fact]
    public void The_same_traffic_after_the_rule_was_removed_stays_unexplained()
    {
        var report = Run(Timeline(), TimeSpan.Zero, SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 3389, Second + 600));

        Assert.Equal(0, Rule(report, Rdp).Hits);
        Assert.Equal(1, report.Interfaces.Single(i => i.InterfaceId == "eni-web").UnexplainedBySecurityGroups);
    }

    [Fact]
    public void A_rule_added_mid_window_is_judged_only_over_the_time_it_existed()
    {
        // The window is two hours and ten minutes; 8443 existed for the last seventy minutes of it.
        var strict = Run(Timeline(), TimeSpan.FromHours(2));
        var lenient = Run(Timeline(), TimeSpan.FromHours(1));

        Assert.Equal(RuleVerdict.Unused, Rule(strict, Ssh).Verdict);
        Assert.Equal(RuleVerdict.NotEvaluated, Rule(strict, Alt).Verdict);
        Assert.Contains("the logs cover 70 minutes of its life, less than the minimum window of 2 hours", Rule(strict, Alt).Reason);
        Assert.Equal(RuleVerdict.Unused, Rule(lenient, Alt).Verdict);
        Assert.Contains("over the 70 minutes of the window in which it existed", Rule(lenient, Alt).Reason);
        Assert.Contains("\"existedIn\":[\"snap-after\"]", lenient.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId == Rule(lenient, Alt).Rule.Id).Evidence);
    }

    [Fact]
    public void A_rule_that_existed_only_after_the_logs_end_is_not_evaluated()
    {
        var report = Run(Timeline(T0, T0 + 9000), TimeSpan.Zero);

        Assert.Equal(RuleVerdict.NotEvaluated, Rule(report, Alt).Verdict);
        Assert.Contains("the logs read do not reach the time it existed", Rule(report, Alt).Reason);
        Assert.Equal(RuleVerdict.Unused, Rule(report, Rdp).Verdict);
    }

    [Fact]
    public void An_interface_that_joined_a_group_is_judged_by_its_groups_at_each_time()
    {
        // eni-app joined sg-web with the second snapshot: https to it is allowed only from then on.
        var report = Run(Timeline(), TimeSpan.Zero,
            SmallNetwork.Record("eni-app", "198.51.100.7", "10.0.2.20", 50000, 443, T0 + 600),
            SmallNetwork.Record("eni-app", "198.51.100.7", "10.0.2.20", 50001, 443, Second + 600),
            SmallNetwork.Record("eni-app", "10.0.1.10", "10.0.2.20", 50002, 8080, T0 + 900));

        Assert.Equal(1, Rule(report, Https).Hits);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Second + 600), Rule(report, Https).FirstSeen);
        Assert.Equal(1, Rule(report, "sg-app/ingress/tcp/8080-8080/sg-web").Hits);
        Assert.Equal(1, report.Interfaces.Single(i => i.InterfaceId == "eni-app").UnexplainedBySecurityGroups);
        Assert.Contains("eni-app", Rule(report, Https).InterfaceIds);
        Assert.Contains("eni-app", report.Groups.Single(g => g.Group.Id == "sg-web").Group.InterfaceIds);
    }

    [Fact]
    public void Records_before_the_first_snapshot_are_judged_against_it_and_counted()
    {
        var report = Run(Timeline(T0 + 1200, Second), TimeSpan.Zero, SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 3389, T0 + 60));

        Assert.Equal(1, Rule(report, Rdp).Hits);
        Assert.Equal(["snap-before", "snap-after"], report.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal(report.Records, report.Snapshots.Sum(s => s.Records));

        // The rdp record, and both interfaces' idle records starting at T0 and T0+600 (1,200 s before the first snapshot).
        Assert.Equal(5, report.BeforeFirstSnapshot);
        Assert.Contains("\"recordsBeforeFirstSnapshot\":5", report.Findings.First(f => f.CheckId == RuleUsageChecks.UnusedRule).Evidence);
    }

    [Fact]
    public void Out_of_order_records_are_each_judged_against_their_own_time()
    {
        // The later record comes first in the file, the earlier one after it.
        var report = Run(Timeline(), TimeSpan.Zero,
            SmallNetwork.Record("eni-web", "198.51.100.8", "10.0.1.10", 50000, 8443, Second + 1200),
            SmallNetwork.Record("eni-web", "198.51.100.7", "10.0.1.10", 50000, 3389, T0 + 300),
            SmallNetwork.Record("eni-web", "198.51.100.9", "10.0.1.10", 50000, 8443, T0 + 400));

        Assert.Equal(1, Rule(report, Rdp).Hits);
        Assert.Equal(1, Rule(report, Alt).Hits);
        Assert.Equal(1, report.Interfaces.Single(i => i.InterfaceId == "eni-web").UnexplainedBySecurityGroups);
    }

    [Fact]
    public void Unchanged_interfaces_and_rules_are_held_once_across_snapshots()
    {
        var docs = SmallNetwork.Documents();
        var model = TimelineRuleModel.Build(Enumerable.Range(0, 5).Select(k =>
            new TimelineSnapshot($"snap-{k}", DateTimeOffset.FromUnixTimeSeconds(T0 + (k * 3600)), () => SnapshotRuleModel.FromDocuments(docs))));
        var single = SnapshotRuleModel.FromDocuments(docs);

        Assert.Equal(single.Rules.Count, model.Rules.Count);
        Assert.Equal(single.Interfaces.Count, model.TableCount);
        Assert.All(model.Rules, r => Assert.True(model.ExistsThroughout(r)));
        Assert.Equal(4, model.PeriodAt(T0 + (4 * 3600) + 10));
        Assert.Equal(0, model.PeriodAt(T0 - 10));
    }

    [Fact]
    public void A_snapshot_of_another_account_does_not_make_a_rule_look_removed()
    {
        var other = new RawDocument(Provider.Aws, "444455556666", "eu-west-1", "ec2", "DescribeSecurityGroups",
            null, """{"SecurityGroups": [{"GroupId": "sg-other", "GroupName": "other", "VpcId": "vpc-9", "IpPermissions": [], "IpPermissionsEgress": []}]}"""u8.ToArray());
        var model = TimelineRuleModel.Build(
        [
            new TimelineSnapshot("snap-1", DateTimeOffset.FromUnixTimeSeconds(T0), () => SnapshotRuleModel.FromDocuments(Before)),
            new TimelineSnapshot("snap-2", DateTimeOffset.FromUnixTimeSeconds(Second), () => SnapshotRuleModel.FromDocuments([other])),
        ]);

        Assert.True(model.ExistsThroughout(model.Rules.Single(r => r.Key == Rdp)));
    }
}
