using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.S3;

/// <summary>
/// CIS 7.0 (resource policies do not allow "Principal": "*" without restrictive conditions), for bucket policies:
/// an Allow to everyone without a Condition; S3's own GetBucketPolicyStatus verdict is added as evidence.
/// </summary>
public sealed class PublicBucketPolicyCheck : BucketCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.s3.public-bucket-policy", "Bucket policies do not allow everyone", Severity.Critical, "s3", "aws.s3.bucket",
        "A bucket policy statement that allows \"Principal\": \"*\" without a condition grants its actions to anyone on the internet.",
        "Public read leaks data; public write lets anyone plant or overwrite objects.",
        new("aws s3api delete-bucket-policy --bucket BUCKET (or remove the statement), then turn on Block Public Access",
            "# Remove the Principal \"*\" statement from the AWS::S3::BucketPolicy, or add a Condition restricting the caller.",
            "# Remove the principals { identifiers = [\"*\"] } statement from the policy, or add a condition restricting the caller."),
        ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status"],
        [AwsOperations.ListBuckets, AwsOperations.GetBucketPolicy, AwsOperations.GetBucketPolicyStatus]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, BucketRef bucket)
    {
        var policy = Read(context, bucket, AwsOperations.GetBucketPolicy);
        if (policy.Missing)
        {
            yield return Missing(policy, bucket.Arn, bucket.Account, bucket.Region);
            yield break;
        }

        if (!policy.Found)
        {
            yield return Pass(bucket.Arn, bucket.Account, bucket.Region, $"{bucket.Name} has no bucket policy.", new { bucket = bucket.Name });
            yield break;
        }

        var open = policy.Root.TryGetProperty("Policy", out var text)
            ? PolicyDocument.Statements(text).Where(s => PolicyDocument.IsAllow(s) && PolicyDocument.PrincipalIsEveryone(s) && !PolicyDocument.HasCondition(s)).ToList()
            : [];
        var status = Read(context, bucket, AwsOperations.GetBucketPolicyStatus);
        var isPublic = status.Found ? status.Root.GetObject("PolicyStatus")?.GetBool("IsPublic") : null;
        yield return Verdict(open.Count == 0, bucket.Arn, bucket.Account, bucket.Region,
            $"{bucket.Name}'s policy grants nothing to everyone.",
            $"{bucket.Name}'s policy allows {string.Join(", ", open.SelectMany(s => PolicyDocument.Values(s, "Action")).Distinct())} to everyone.",
            new { bucket = bucket.Name, openStatements = open.Select(s => new { sid = s.GetString("Sid"), actions = PolicyDocument.Values(s, "Action") }), IsPublic = isPublic });
    }
}
