namespace Argus.Aws.Normalization;

/// <summary>
/// How the normalizer builds asset ids. AWS defines ARNs for almost everything it describes; the account and
/// region assets have none, so Argus uses ARN-shaped ids with empty service fields for them.
/// </summary>
public static class AwsArns
{
    /// <summary>The id of an account asset: <c>arn:aws:::account/123456789012</c>.</summary>
    public static string Account(string partition, string accountId) => $"arn:{partition}:::account/{accountId}";

    /// <summary>The id of a region asset as seen from one account: <c>arn:aws:::123456789012:region/eu-west-1</c>.</summary>
    public static string Region(string partition, string accountId, string region) => $"arn:{partition}:::{accountId}:region/{region}";

    /// <summary>An EC2 resource ARN, e.g. <c>arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0abc</c>.</summary>
    public static string Ec2(string partition, string region, string accountId, string resourceType, string id) =>
        string.Concat(["arn:", partition, ":ec2:", region, ":", accountId, ":", resourceType, "/", id]);

    /// <summary>An S3 bucket ARN: <c>arn:aws:s3:::bucket-name</c>.</summary>
    public static string Bucket(string partition, string name) => $"arn:{partition}:s3:::{name}";

    /// <summary>A Direct Connect gateway ARN (the gateway is global): <c>arn:aws:directconnect::123456789012:dx-gateway/id</c>.</summary>
    public static string DirectConnectGateway(string partition, string accountId, string id) =>
        $"arn:{partition}:directconnect::{accountId}:dx-gateway/{id}";

    /// <summary>An IAM ARN built from a name when the data gives only the name (<c>user</c>, <c>group</c>, <c>role</c>).</summary>
    public static string Iam(string partition, string accountId, string resourceType, string name) =>
        $"arn:{partition}:iam::{accountId}:{resourceType}/{name}";

    /// <summary>
    /// The partition of a region: <c>aws-cn</c> for China, <c>aws-us-gov</c> for GovCloud, <c>aws-iso*</c> for the
    /// isolated regions, else <c>aws</c>; null when the region does not say (the global group).
    /// </summary>
    public static string? PartitionOfRegion(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : region.StartsWith("us-isob-", StringComparison.Ordinal) ? "aws-iso-b"
        : region.StartsWith("us-iso-", StringComparison.Ordinal) ? "aws-iso"
        : region.Contains('-', StringComparison.Ordinal) ? "aws"
        : null;

    /// <summary>True for a 12-digit AWS account id (as opposed to owners such as <c>amazon</c> or <c>AWS</c>).</summary>
    public static bool IsAccountId(string? value)
    {
        if (value is not { Length: 12 })
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
