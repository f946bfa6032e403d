using Argus.Core.Model;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Reporting;
using Argus.Network.FlowLogs.Rules;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

public sealed class RuleAttributionTests
{
    private const string JumpGroup = "sg-0253af84ae6485905";
    private static readonly string V5 = TestPaths.Fixture("flow-logs", "v5-custom.log");

    [Fact]
    public void Requests_count_as_hits_and_replies_do_not()
    {
        var report = Fixtures.Analyse(Fixtures.NatGateway(), V5);

        var ssh = Rule(report, $"{JumpGroup}/ingress/tcp/22-22/0.0.0.0/0");
        Assert.Equal(3, ssh.Hits);                       // lines 2, 11 and the mid-connection line 23; not the replies 3, 12, 24
        Assert.Equal(2, ssh.DistinctPeers);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1583204400), ssh.FirstSeen);

        var icmp = Rule(report, $"{JumpGroup}/ingress/icmp/8-0/0.0.0.0/0");
        Assert.Equal(1, icmp.Hits);                      // the echo of line 5; its reply on line 6 is not a request

        var egress = Rule(report, $"{JumpGroup}/egress/all/all/0.0.0.0/0");
        Assert.Equal(4, egress.Hits);                    // lines 7, 9, 13, 19
        Assert.Equal(3, egress.DistinctPeers);

        var jump = report.Interfaces.Single(i => i.InterfaceId == "eni-068fb5a0a9a57f23c");
        Assert.Equal(4, jump.Replies);                   // lines 3, 6, 12, 24
        Assert.Equal(1, jump.Rejected);
        Assert.Equal(0, jump.UnexplainedBySecurityGroups);
        Assert.Equal(0, jump.UnexplainedByNetworkAcl);
    }

    [Fact]
    public void Network_acl_entries_count_every_packet_crossing_the_subnet_first_match_wins()
    {
        var report = Fixtures.Analyse(Fixtures.NatGateway(), V5);

        // The echo from 10.1.1.98 hits the ICMP entry 100, never the allow-all 200 behind it.
        Assert.Equal(1, Rule(report, "acl-0792adae678b88f85/ingress/100").Hits);
        Assert.True(Rule(report, "acl-0792adae678b88f85/ingress/200").Hits >= 6);
        Assert.Equal(RuleVerdict.NotApplicable, Rule(report, "acl-0792adae678b88f85/ingress/32767").Verdict);
    }

    [Fact]
    public void Broad_rules_get_a_tighter_suggestion_from_the_traffic()
    {
        var report = Fixtures.Analyse(Fixtures.NatGateway(), V5);

        var ssh = Rule(report, $"{JumpGroup}/ingress/tcp/22-22/0.0.0.0/0");
        Assert.Equal(RuleVerdict.OverBroad, ssh.Verdict);
        Assert.Equal("tcp 22 10.1.20.173/32, 198.51.100.23/32", Assert.Single(ssh.Suggestion).ToString());

        var egress = Rule(report, $"{JumpGroup}/egress/all/all/0.0.0.0/0");
        Assert.Equal(RuleVerdict.OverBroad, egress.Verdict);
        Assert.Equal(
            ["icmp 10.1.250.116/32", "tcp 22 10.1.250.116/32", "tcp 443 52.219.80.10/32, 203.0.113.10/32"],
            egress.Suggestion.Select(s => s.ToString()));

        var finding = report.Findings.Single(f => f.CheckId == RuleUsageChecks.OverBroadRule && f.ResourceId == ssh.Rule.Id);
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.Equal(Severity.Medium, finding.Severity);
        Assert.Contains("\"suggestedRules\"", finding.Evidence);
    }

    [Fact]
    public void A_group_on_no_interface_is_unused_and_its_rules_are_not_reported_one_by_one()
    {
        var report = Fixtures.Analyse(Fixtures.NatGateway(), V5);

        var group = report.Groups.Single(g => g.Group.Id == "sg-0b647281e3f8f7c18");
        Assert.Equal(RuleVerdict.Unused, group.Verdict);
        Assert.Equal(RuleVerdict.NotApplicable, report.Groups.Single(g => g.Group.Name == "default").Verdict);
        var finding = report.Findings.Single(f => f.CheckId == RuleUsageChecks.UnusedGroup && f.ResourceId == "sg-0b647281e3f8f7c18");
        Assert.Equal(FindingStatus.Fail, finding.Status);
        Assert.DoesNotContain(report.Findings, f => f.CheckId == RuleUsageChecks.UnusedRule && f.ResourceId.StartsWith("sg-0b647281e3f8f7c18", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_names_skipped_records_and_short_windows()
    {
        var report = Fixtures.Analyse(Fixtures.NatGateway(), V5, new RuleUsageOptions());

        var nat = report.Interfaces.Single(i => i.InterfaceId == "eni-017aaec115610308a");
        Assert.False(nat.Covered);
        Assert.Contains("SKIPDATA", nat.Reason);
        var jump = report.Interfaces.Single(i => i.InterfaceId == "eni-068fb5a0a9a57f23c");
        Assert.False(jump.Covered);
        Assert.Contains("less than the minimum window of 24 hours", jump.Reason);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1583204400), report.From);
        Assert.DoesNotContain(report.Rules, r => r.Verdict == RuleVerdict.Unused && r.Rule.Kind == FirewallRuleKind.NetworkAcl);
        Assert.Equal(4, report.Subnets.Sum(s => s.Interfaces));
        Assert.All(report.Findings.Where(f => f.CheckId == RuleUsageChecks.OverBroadRule), f => Assert.Equal(FindingStatus.Manual, f.Status));
    }

    [Fact]
    public void Records_of_interfaces_missing_from_the_snapshot_are_counted_not_attributed()
    {
        var report = Fixtures.Analyse(Fixtures.NatGateway(), TestPaths.Fixture("flow-logs", "v2-default.log"));

        Assert.Equal(18, report.Records);
        Assert.Equal(18, report.ForUnknownInterfaces);
        Assert.Equal(6, report.UnknownInterfaces.Count);
        Assert.All(report.Rules, r => Assert.Equal(0, r.Hits));
        Assert.DoesNotContain(report.Rules, r => r.Verdict == RuleVerdict.Unused && r.Rule.Kind == FirewallRuleKind.NetworkAcl);
    }

    private static RuleUsage Rule(RuleUsageReport report, string key) => report.Rules.Single(r => r.Rule.Key == key);
}
