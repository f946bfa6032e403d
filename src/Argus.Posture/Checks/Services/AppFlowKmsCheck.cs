using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>AppFlow flows encrypt their data with a customer managed KMS key, not AppFlow's AWS managed key.</summary>
public sealed class AppFlowKmsCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.appflow.customer-managed-key", "AppFlow flows are encrypted with a customer managed KMS key", Severity.Low, "appflow", "aws.appflow.flow",
        "A flow's kmsArn is the key that encrypts its data in transit through AppFlow and its connector credentials; without one (or with the aws/appflow alias's key) AppFlow uses its AWS managed key.",
        "With the AWS managed key, the key policy cannot be restricted, access cannot be revoked by disabling the key, and its use is not separable in CloudTrail from other flows'.",
        new("The key of an existing flow cannot be changed: aws appflow create-flow --flow-name NAME --kms-arn KEY_ARN ... (the same source, destination and tasks), then aws appflow delete-flow --flow-name OLD",
            "# Set KMSArn on AWS::AppFlow::Flow to a customer managed key (replacement).",
            "# Set kms_arn on aws_appflow_flow to a customer managed aws_kms_key's arn (forces a new flow)."),
        ["https://docs.aws.amazon.com/appflow/latest/userguide/data-protection.html"],
        [AwsOperations.ListFlows, AwsOperations.DescribeFlow, AwsOperations.ListAliases], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.ListFlows;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var summary in PostureContext.Items(lookup))
        {
            var name = summary.GetString("flowName") ?? "";
            var arn = summary.GetString("flowArn") ?? $"arn:aws:appflow:{region}:{account}:flow/{name}";
            var flow = context.Get(account, region, AwsOperations.DescribeFlow, name);
            if (flow.Missing)
            {
                yield return Missing(flow, arn, account, region);
                continue;
            }

            var key = flow.Root.GetString("kmsArn");
            if (string.IsNullOrEmpty(key))
            {
                yield return Fail(arn, account, region, $"Flow {name} uses AppFlow's AWS managed key (no kmsArn).", new { flowName = name, kmsArn = key });
                continue;
            }

            // A key ARN alone does not say who manages the key: the aws/ aliases of the region name AWS managed keys.
            var aliases = context.Get(account, region, AwsOperations.ListAliases);
            if (aliases.Missing)
            {
                yield return Missing(aliases, arn, account, region);
                continue;
            }

            var awsAlias = AwsManagedAlias(aliases, key);
            yield return Verdict(awsAlias is null, arn, account, region,
                $"Flow {name} is encrypted with customer managed key {key}.", $"Flow {name} is encrypted with the AWS managed key {awsAlias}.",
                new { flowName = name, kmsArn = key, awsManagedAlias = awsAlias });
        }
    }

    private static string? AwsManagedAlias(Lookup aliases, string key)
    {
        var aliasAt = key.IndexOf(":alias/", StringComparison.Ordinal);
        if (aliasAt >= 0)
        {
            var alias = key[(aliasAt + 1)..];
            return alias.StartsWith("alias/aws/", StringComparison.Ordinal) ? alias : null;
        }

        var keyId = key[(key.LastIndexOf('/') + 1)..];
        return PostureContext.Items(aliases)
            .Where(a => a.GetString("TargetKeyId") == keyId)
            .Select(a => a.GetString("AliasName"))
            .FirstOrDefault(a => a is not null && a.StartsWith("alias/aws/", StringComparison.Ordinal));
    }
}
