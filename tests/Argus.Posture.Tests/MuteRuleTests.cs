using Argus.Aws.Operations;
using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Posture.Checks;
using Argus.Posture.Engine;
using Argus.Posture.Muting;

namespace Argus.Posture.Tests;

public sealed class MuteRuleTests
{
    private const string Groups = """
        {"SecurityGroups":[
          {"GroupId":"sg-ssh","GroupName":"bastion","VpcId":"vpc-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],"IpPermissionsEgress":[],"Tags":[{"Key":"environment","Value":"dev"}]},
          {"GroupId":"sg-ssh2","GroupName":"bastion2","VpcId":"vpc-1","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}],"IpPermissionsEgress":[],"Tags":[{"Key":"environment","Value":"prod"}]}]}
        """;

    private static IReadOnlyList<CheckResult> Scan(string yaml)
    {
        var rules = MuteRules.Load(new StringReader(yaml), "mutes.yaml", CheckCatalog.Default);
        var doc = new RawDocument(Provider.Aws, Fixture.Account, Fixture.Home, "ec2", "DescribeSecurityGroups", null, System.Text.Encoding.UTF8.GetBytes(Groups));
        return PostureEngine.Default.Scan([doc], [], Fixture.At, mutes: rules, only: ["aws.ec2.sg-admin-ports-ipv4"]).Results;
    }

    [Fact]
    public void A_matching_rule_mutes_with_its_reason_and_keeps_the_result()
    {
        var results = Scan("""
            mutes:
              - reason: dev bastion, reviewed in SEC-42
                checks: [aws.ec2.sg-admin-ports-*]
                accounts: ["111111111111"]
                regions: [eu-west-1]
                tags: { environment: dev }
            """);
        var muted = results.Single(r => r.ResourceId.EndsWith("/sg-ssh"));
        Assert.Equal(FindingStatus.Muted, muted.Status);
        Assert.Contains("dev bastion, reviewed in SEC-42", muted.Message);
        Assert.Equal(FindingStatus.Fail, results.Single(r => r.ResourceId.EndsWith("/sg-ssh2")).Status);
    }

    [Fact]
    public void Resource_patterns_match_arns()
    {
        var results = Scan("""
            mutes:
              - reason: both bastions
                resources: ["arn:aws:ec2:*:111111111111:security-group/sg-ssh*"]
            """);
        Assert.All(results, r => Assert.Equal(FindingStatus.Muted, r.Status));
    }

    [Fact]
    public void An_expired_rule_stops_applying_at_the_scan_time()
    {
        var expired = Scan("mutes:\n  - reason: temporary\n    checks: [aws.ec2.sg-admin-ports-ipv4]\n    expires: 2025-12-31\n");
        Assert.All(expired, r => Assert.Equal(FindingStatus.Fail, r.Status));
        var current = Scan("mutes:\n  - reason: temporary\n    checks: [aws.ec2.sg-admin-ports-ipv4]\n    expires: 2026-01-31\n");
        Assert.All(current, r => Assert.Equal(FindingStatus.Muted, r.Status));
        Assert.Contains("until 2026-01-31", current[0].Message);
    }

    [Theory]
    [InlineData("mutes:\n  - reason: x\n    checks: [aws.nope]\n", 3, "unknown check 'aws.nope'")]
    [InlineData("mutes:\n  - checks: [aws.ec2.imdsv2]\n", 2, "needs a reason")]
    [InlineData("mutes:\n  - reason: x\n    expires: someday\n", 3, "not a date")]
    [InlineData("mutes:\n  - reason: x\n    owner: me\n", 3, "unknown key 'owner'")]
    [InlineData("mutes:\n  - reason: [x\n", 3, "")]
    public void Bad_rules_name_the_file_and_line(string yaml, int line, string message)
    {
        var e = Assert.Throws<ImportException>(() => MuteRules.Load(new StringReader(yaml), "mutes.yaml", CheckCatalog.Default));
        Assert.Equal("mutes.yaml", e.Path);
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
    }
}
