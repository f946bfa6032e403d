using Argus.Core.Model;

namespace Argus.Posture.Tests;

/// <summary>
/// The demo organization (docs/demo-environment.md): its planted mistakes 4-12 are found, and every other result that
/// is not PASS is one this test explains. A new unexplained failure makes the test fail.
/// </summary>
public sealed class DemoPostureTests(DemoScan demo) : IClassFixture<DemoScan>
{
    private const string Prod = "545951156650";
    private const string Dev = "286375016624";

    [Theory]
    [InlineData("#4 unencrypted volume", "aws.ec2.volume-encrypted", Dev, "arn:aws:ec2:eu-west-1:286375016624:volume/vol-02dabcd48470f2bd6")]
    [InlineData("#5 root without MFA", "aws.iam.root-mfa", Dev, "arn:aws:iam::286375016624:root")]
    [InlineData("#6 public bucket (policy)", "aws.s3.public-bucket-policy", Prod, "arn:aws:s3:::acme-prod-marketing-assets")]
    [InlineData("#6 public bucket (block public access)", "aws.s3.block-public-access", Prod, "arn:aws:s3:::acme-prod-marketing-assets")]
    [InlineData("#7 stale access key (rotation)", "aws.iam.access-key-rotation", Dev, "arn:aws:iam::286375016624:user/ci-legacy/access-key-1")]
    [InlineData("#7 stale access key (unused)", "aws.iam.unused-credentials", Dev, "arn:aws:iam::286375016624:user/ci-legacy")]
    [InlineData("#8 IMDSv1", "aws.ec2.imdsv2", Prod, "arn:aws:ec2:eu-west-1:545951156650:instance/i-03587d4ec4445ebb3")]
    [InlineData("#9 VPC without flow logs", "aws.ec2.vpc-flow-logs", Dev, "arn:aws:ec2:eu-west-1:286375016624:vpc/vpc-028f7f19d414cc767")]
    [InlineData("#10 default group with rules", "aws.ec2.default-sg-restricts-all", Prod, "arn:aws:ec2:eu-west-1:545951156650:security-group/sg-0eef74a1983fbf0e4")]
    [InlineData("#11 admin policy on a user (via groups)", "aws.iam.user-policies-via-groups", Prod, "arn:aws:iam::545951156650:user/deploy-bot")]
    [InlineData("#11 admin policy on a user (*:*)", "aws.iam.full-admin-policy", Prod, "arn:aws:iam::545951156650:user/deploy-bot")]
    [InlineData("#12 stale user (unused)", "aws.iam.unused-credentials", Dev, "arn:aws:iam::286375016624:user/contractor-jsmith")]
    [InlineData("#12 stale user (no MFA)", "aws.iam.user-console-mfa", Dev, "arn:aws:iam::286375016624:user/contractor-jsmith")]
    [InlineData("#1 SSH open (also found)", "aws.ec2.sg-admin-ports-ipv4", Prod, "arn:aws:ec2:eu-west-1:545951156650:security-group/sg-0c5262e4cd86cf920")]
    [InlineData("#2 RDP open over IPv6 (also found)", "aws.ec2.sg-admin-ports-ipv6", Dev, "arn:aws:ec2:eu-west-1:286375016624:security-group/sg-09f138e4c73db9bdc")]
    public void Planted_mistakes_are_found(string mistake, string check, string account, string resource)
    {
        var result = demo.Of(check).SingleOrDefault(r => r.ResourceId == resource);
        Assert.True(result is not null, $"{mistake}: no result of {check} on {resource}");
        Assert.Equal(account, result.Account);
        Assert.Equal(FindingStatus.Fail, result.Status);
    }

    [Fact]
    public void The_denied_flow_log_region_is_not_authorized_not_passed()
    {
        var results = demo.Of("aws.ec2.vpc-flow-logs").Where(r => r.Account == Dev && r.Region == "us-east-1").ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(FindingStatus.NotAuthorized, r.Status));
        Assert.All(results, r => Assert.Contains("ec2:DescribeFlowLogs", r.Message));
    }

    /// <summary>Every (check, status) that is not PASS in the demo, how many, and why.</summary>
    private static readonly Dictionary<(string Check, FindingStatus Status), (int Count, string Reason)> Explained = new()
    {
        [("aws.accessanalyzer.enabled", FindingStatus.Fail)] = (5, "the generator creates each account's analyzer in its home region (eu-west-1) only"),
        [("aws.account.contact-details", FindingStatus.Manual)] = (5, "CIS manual: a person confirms the contacts; Argus shows the root email"),
        [("aws.account.security-contact", FindingStatus.Fail)] = (3, "the generator registers a SECURITY alternate contact in the management and production accounts only (acme-dev, acme-security and acme-network-hub have none)"),
        [("aws.cloudtrail.kms-encryption", FindingStatus.Fail)] = (5, "the generated trails have no KmsKeyId"),
        [("aws.cloudtrail.s3-read-events", FindingStatus.Fail)] = (5, "the generated trails record management events only"),
        [("aws.cloudtrail.s3-write-events", FindingStatus.Fail)] = (5, "the generated trails record management events only"),
        [("aws.ec2.default-sg-restricts-all", FindingStatus.Fail)] = (3, "planted #10, plus the management account's default VPCs, which keep AWS's default rules"),
        [("aws.ec2.ebs-default-encryption", FindingStatus.Fail)] = (5, "the generator enables EBS encryption by default in the first region only"),
        [("aws.ec2.imdsv2", FindingStatus.Fail)] = (1, "planted #8"),
        [("aws.ec2.instance-profile", FindingStatus.Fail)] = (2, "the jump hosts bastion (prod) and dev-jump-win (dev) have no instance profile"),
        [("aws.ec2.nacl-admin-ports", FindingStatus.Fail)] = (14, "default network ACLs admit all traffic from 0.0.0.0/0 (and ::/0 where IPv6 is on), as AWS creates them"),
        [("aws.ec2.peering-least-access", FindingStatus.Manual)] = (4, "CIS manual: the peering routes are listed for the auditor"),
        [("aws.ec2.sg-admin-ports-ipv4", FindingStatus.Fail)] = (2, "planted #1 (SSH) and #2 (RDP)"),
        [("aws.ec2.sg-admin-ports-ipv6", FindingStatus.Fail)] = (1, "planted #2 (RDP from ::/0)"),
        [("aws.ec2.volume-encrypted", FindingStatus.Fail)] = (1, "planted #4"),
        [("aws.ec2.vpc-flow-logs", FindingStatus.Fail)] = (3, "planted #9, plus the management account's two default VPCs"),
        [("aws.ec2.vpc-flow-logs", FindingStatus.NotAuthorized)] = (1, "the planted coverage gap: acme-dev denies ec2:DescribeFlowLogs in us-east-1"),
        [("aws.iam.access-key-rotation", FindingStatus.Fail)] = (1, "planted #7"),
        [("aws.iam.expired-server-certificates", FindingStatus.Fail)] = (1, "acme-prod still stores prod-legacy-tls, expired 35 days before the snapshot"),
        [("aws.iam.full-admin-policy", FindingStatus.Fail)] = (15, "planted #11, plus the Admins groups and administrator roles every account has"),
        [("aws.iam.password-policy-length", FindingStatus.Fail)] = (1, "acme-dev has no password policy (documented in the demo page)"),
        [("aws.iam.password-policy-reuse", FindingStatus.Fail)] = (1, "acme-dev has no password policy (documented in the demo page)"),
        [("aws.iam.root-hardware-mfa", FindingStatus.Fail)] = (4, "planted #5 (acme-dev's root has no MFA at all), plus the roots of acme-prod, acme-security and acme-network-hub, whose MFA is a virtual device (only the management account's is hardware)"),
        [("aws.iam.root-mfa", FindingStatus.Fail)] = (1, "planted #5"),
        [("aws.iam.root-usage", FindingStatus.Manual)] = (5, "CIS manual: root's last use is shown for the auditor"),
        [("aws.iam.support-role", FindingStatus.Fail)] = (5, "the generated accounts have no role with AWSSupportAccess"),
        [("aws.iam.unused-credentials", FindingStatus.Fail)] = (2, "planted #7 (ci-legacy's key) and #12 (contractor-jsmith)"),
        [("aws.iam.user-console-mfa", FindingStatus.Fail)] = (1, "planted #12"),
        [("aws.iam.user-policies-via-groups", FindingStatus.Fail)] = (1, "planted #11"),
        [("aws.kms.rotation", FindingStatus.Fail)] = (5, "the generator turns key rotation on in the first region only"),
        [("aws.organizations.scp-guardrails", FindingStatus.Manual)] = (1, "CIS manual: the organization's two SCPs (deny-leave-organization, deny-flow-log-reads) are listed for the auditor"),
        [("aws.s3.block-public-access", FindingStatus.Fail)] = (1, "planted #6"),
        [("aws.s3.deny-http", FindingStatus.Fail)] = (4, "buckets without a bucket policy (artifacts, logs) allow HTTP"),
        [("aws.s3.mfa-delete", FindingStatus.Fail)] = (8, "no generated bucket has MFA delete"),
        [("aws.s3.public-bucket-policy", FindingStatus.Fail)] = (1, "planted #6"),
        [("aws.dlm.volume-coverage", FindingStatus.Fail)] = (81, "only production accounts have a lifecycle policy: every volume of acme-dev (30) and acme-security (16) has no automatic snapshots; acme-prod's policy targets the tag backup=daily, which only its 4 data volumes carry, so its other 35 (instance root volumes, the untagged auto-scaling ones included, and detached ones) are not snapshotted"),
        [("aws.ecr.scan-on-push", FindingStatus.Fail)] = (2, "the generator scans on push for the api repositories only: storefront/worker (prod and dev) does not"),
        [("aws.ecr.tag-immutability", FindingStatus.Fail)] = (2, "the generator makes only the api repositories' tags immutable: storefront/worker (prod and dev) keeps mutable tags"),
        [("aws.elasticbeanstalk.managed-updates", FindingStatus.Fail)] = (1, "acme-dev's dev-web-env has ManagedActionsEnabled false"),
        [("aws.appflow.customer-managed-key", FindingStatus.Fail)] = (1, "acme-dev's dev-crm-accounts flow has no kmsArn (AppFlow's AWS managed key); acme-prod's copy uses the account's own key"),
        [("aws.wafv2.cognito-user-pool", FindingStatus.Fail)] = (1, "the web ACL the generator creates protects the first public load balancer only, not acme-prod's customers user pool"),
        [("aws.wafv2.internet-facing-api-gateway", FindingStatus.Fail)] = (1, "acme-prod's REGIONAL public-api has one stage (prod) with no webAclArn and the web ACL does not list it"),
        [("aws.ses.receipt-rules", FindingStatus.Fail)] = (1, "the management account's inbound rule store-to-s3 scans mail but leaves TLS optional"),
    };

    [Fact]
    public void Every_other_result_that_is_not_a_pass_is_explained()
    {
        var actual = demo.Scan.Results
            .Where(r => r.Status != FindingStatus.Pass && !r.CheckId.StartsWith("aws.cloudwatch.alarm.", StringComparison.Ordinal))
            .GroupBy(r => (r.CheckId, r.Status))
            .ToDictionary(g => g.Key, g => g.Count());
        var unexplained = actual.Where(a => !Explained.ContainsKey(a.Key)).Select(a => $"{a.Key.CheckId} {a.Key.Status} x{a.Value}").ToList();
        Assert.True(unexplained.Count == 0, "unexplained: " + string.Join("; ", unexplained));
        var miscounted = Explained.Where(e => actual.GetValueOrDefault(e.Key) != e.Value.Count).Select(e => $"{e.Key.Check} {e.Key.Status}: expected {e.Value.Count}, got {actual.GetValueOrDefault(e.Key)}").ToList();
        Assert.True(miscounted.Count == 0, string.Join("; ", miscounted));
    }

    [Fact]
    public void Nothing_is_reported_not_collected()
    {
        // The generator writes what the collector stores, keyed as it keys them: a "not collected" result is a
        // check reading a service, operation or per-resource key that does not match the stored one.
        var notCollected = demo.Scan.Results.Where(r => r.Message.StartsWith("not collected", StringComparison.Ordinal)).Select(r => $"{r.CheckId}: {r.Message}").ToList();
        Assert.Empty(notCollected);
    }

    [Fact]
    public void Monitoring_fails_everywhere_because_no_trail_delivers_to_cloudwatch_logs()
    {
        var monitoring = demo.Scan.Results.Where(r => r.CheckId.StartsWith("aws.cloudwatch.alarm.", StringComparison.Ordinal)).ToList();
        Assert.Equal(15 * 5, monitoring.Count);
        Assert.All(monitoring, r => Assert.Contains("does not deliver to CloudWatch Logs", r.Message));
    }

    [Fact]
    public void Ages_are_measured_against_the_snapshot_not_the_clock()
    {
        var key = demo.Of("aws.iam.access-key-rotation").Single(r => r.Status == FindingStatus.Fail);
        Assert.Contains("660 days", key.Message);
    }
}
