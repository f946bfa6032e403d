using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Monitoring;

/// <summary>CIS: AWS Security Hub is enabled (in every region Argus collected).</summary>
public sealed class SecurityHubEnabledCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.securityhub.enabled", "AWS Security Hub is enabled", Severity.Medium, "securityhub", "aws.region",
        "Security Hub gathers and prioritises findings from GuardDuty, Inspector, Macie and partner tools per region.",
        "Findings of other detective services in the region are not aggregated or acted on.",
        new("aws securityhub enable-security-hub --enable-default-standards --region REGION",
            "Hub:\n  Type: AWS::SecurityHub::Hub",
            "resource \"aws_securityhub_account\" \"this\" {}"),
        ["https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-enable.html"],
        [AwsOperations.DescribeHub]);

    protected override AwsOperation Source => AwsOperations.DescribeHub;

    protected override string ScopeResource(string account, string region) => RegionalId("securityhub", account, region, "hub/default");

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var arn = lookup.Found ? lookup.Root.GetString("HubArn") : null;
        yield return Verdict(arn is not null, ScopeResource(account, region), account, region,
            $"Security Hub is enabled in {region} since {(lookup.Found ? lookup.Root.GetString("SubscribedAt") : "")}.",
            $"Security Hub is not enabled in {region}.", new { HubArn = arn });
    }
}
