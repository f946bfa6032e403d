using Argus.Core.Model;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

/// <summary>
/// Network ACL entries judged like security group rules: eni-web's subnet has an ACL allowing everything in
/// (#100) and out (#100), and SSH from 10.0.0.0/8 (#110, never used). The web server answers three clients on
/// 443 and itself calls one API on 443, whose replies come back in on ephemeral ports.
/// </summary>
public sealed class NetworkAclUsageTests : IDisposable
{
    private const long T0 = 1_700_000_000;
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IReadOnlyList<RawDocument> Documents() =>
    [
        .. SmallNetwork.Documents(),
        Fixtures.Document("DescribeNetworkAcls", """
            {"NetworkAcls": [{"NetworkAclId": "acl-web", "VpcId": "vpc-1", "IsDefault": false,
              "Associations": [{"NetworkAclAssociationId": "aclassoc-1", "NetworkAclId": "acl-web", "SubnetId": "subnet-1"}],
              "Entries": [
                {"RuleNumber": 100, "Egress": false, "Protocol": "-1", "CidrBlock": "0.0.0.0/0", "RuleAction": "allow"},
                {"RuleNumber": 110, "Egress": false, "Protocol": "6", "PortRange": {"From": 22, "To": 22}, "CidrBlock": "10.0.0.0/8", "RuleAction": "allow"},
                {"RuleNumber": 32767, "Egress": false, "Protocol": "-1", "CidrBlock": "0.0.0.0/0", "RuleAction": "deny"},
                {"RuleNumber": 100, "Egress": true, "Protocol": "-1", "CidrBlock": "0.0.0.0/0", "RuleAction": "allow"},
                {"RuleNumber": 32767, "Egress": true, "Protocol": "-1", "CidrBlock": "0.0.0.0/0", "RuleAction": "deny"}
              ]}]}
            """),
    ];

    private RuleUsageReport Run(params string[] traffic)
    {
        Fixtures.WriteLog(folder, "a.log", [.. traffic, .. SmallNetwork.Idle("eni-web", T0, T0 + 7200), .. SmallNetwork.Idle("eni-app", T0, T0 + 7200)]);
        return Fixtures.Analyse(SnapshotRuleModel.FromDocuments(Documents()), folder, new RuleUsageOptions { MinimumWindow = TimeSpan.FromHours(1) });
    }

    private static string[] WebTraffic()
    {
        var lines = new List<string>();
        foreach (var (client, port) in new[] { ("198.51.100.7", 50001), ("198.51.100.8", 50002), ("203.0.113.5", 50003) })
        {
            lines.Add(SmallNetwork.Record("eni-web", client, "10.0.1.10", port, 443, T0 + 60));
            lines.Add(SmallNetwork.Record("eni-web", "10.0.1.10", client, 443, port, T0 + 60));
        }

        lines.Add(SmallNetwork.Record("eni-web", "10.0.1.10", "192.0.2.80", 41000, 443, T0 + 120));
        lines.Add(SmallNetwork.Record("eni-web", "192.0.2.80", "10.0.1.10", 443, 41000, T0 + 120));
        lines.Add(SmallNetwork.Record("eni-web", "10.0.1.10", "192.0.2.80", 41001, 443, T0 + 180));
        lines.Add(SmallNetwork.Record("eni-web", "192.0.2.80", "10.0.1.10", 443, 41001, T0 + 180));
        return [.. lines];
    }

    [Fact]
    public void An_allow_all_entry_carrying_a_few_peers_is_over_broad_with_numbered_tighter_entries()
    {
        var report = Run(WebTraffic());

        var inbound = report.Rules.Single(r => r.Rule.Key == "acl-web/ingress/100");
        Assert.Equal(RuleVerdict.OverBroad, inbound.Verdict);
        Assert.Equal(5, inbound.Hits);
        Assert.Equal(2, inbound.ReplyHits);

        // The requests: tcp 443 from the three clients, keeping rule number 100; the replies to the web server's own
        // calls: the ephemeral range from the API it called, numbered next.
        Assert.Collection(inbound.Suggestion,
            s =>
            {
                Assert.Equal((100, 443, 443, false), (s.RuleNumber, s.FromPort, s.ToPort, s.ForReplies));
                Assert.Equal(["198.51.100.0/28", "203.0.113.5/32"], s.Peers);
            },
            s =>
            {
                Assert.Equal((101, 1024, 65535, true), (s.RuleNumber, s.FromPort, s.ToPort, s.ForReplies));
                Assert.Equal(["192.0.2.80/32"], s.Peers);
            });
        Assert.Contains("#101 tcp 1024-65535 192.0.2.80/32 (replies)", inbound.Reason);

        var finding = report.Findings.Single(f => f.CheckId == RuleUsageChecks.OverBroadRule && f.ResourceId == inbound.Rule.Id);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("\"ruleNumber\":101,\"forReplies\":true", finding.Evidence);
        Assert.Contains("\"replyHits\":2", finding.Evidence);

        var outbound = report.Rules.Single(r => r.Rule.Key == "acl-web/egress/100");
        Assert.Equal(RuleVerdict.OverBroad, outbound.Verdict);
        Assert.Contains(outbound.Suggestion, s => s.ForReplies && s.FromPort == 1024 && s.Peers.Count == 2);
        Assert.Contains(outbound.Suggestion, s => !s.ForReplies && s.FromPort == 443 && s.Peers.SequenceEqual(["192.0.2.80/32"]));
    }

    [Fact]
    public void An_entry_no_packet_met_is_unused_where_covered_and_not_judged_where_not()
    {
        var report = Run(WebTraffic());

        var ssh = report.Rules.Single(r => r.Rule.Key == "acl-web/ingress/110");
        Assert.Equal(RuleVerdict.Unused, ssh.Verdict);
        Assert.Contains("request or reply", ssh.Reason);
        Assert.Equal(FindingStatus.Fail, report.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId == ssh.Rule.Id).Status);

        // Only the first hour logged: the window is too short to call the SSH entry unused.
        Fixtures.WriteLog(folder, "a.log", WebTraffic());
        var short_ = Fixtures.Analyse(SnapshotRuleModel.FromDocuments(Documents()), folder, new RuleUsageOptions { MinimumWindow = TimeSpan.FromHours(1) });
        Assert.Equal(RuleVerdict.NotEvaluated, short_.Rules.Single(r => r.Rule.Key == "acl-web/ingress/110").Verdict);
    }

    [Fact]
    public void An_entry_used_only_by_replies_is_used_not_unused()
    {
        // The web server only calls out: the inbound allow-all entry carries nothing but replies, which the
        // stateless ACL needs; it is narrowed to the ephemeral range from the API, not called unused.
        var report = Run(WebTraffic()[6..]);

        var inbound = report.Rules.Single(r => r.Rule.Key == "acl-web/ingress/100");
        Assert.Equal(RuleVerdict.OverBroad, inbound.Verdict);
        Assert.Equal(inbound.Hits, inbound.ReplyHits);
        var only = Assert.Single(inbound.Suggestion);
        Assert.Equal((100, 1024, 65535, true), (only.RuleNumber, only.FromPort, only.ToPort, only.ForReplies));
    }
}
