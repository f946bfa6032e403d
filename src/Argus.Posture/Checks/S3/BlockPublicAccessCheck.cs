using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.S3;

/// <summary>CIS: Block Public Access is on for each bucket, either on the bucket or account-wide (all four settings).</summary>
public sealed class BlockPublicAccessCheck : BucketCheck
{
    private static readonly string[] Settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

    public override CheckMetadata Metadata { get; } = new(
        "aws.s3.block-public-access", "S3 Block Public Access is on", Severity.High, "s3", "aws.s3.bucket",
        "Block Public Access overrides ACLs and bucket policies that would make a bucket or its objects public.",
        "Without it, one permissive policy or ACL publishes the bucket's data to the internet.",
        new("aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
            S3Remediations.BlockPublicAccessCfn, S3Remediations.BlockPublicAccessTf),
        ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
        [AwsOperations.ListBuckets, AwsOperations.GetPublicAccessBlock, AwsOperations.GetAccountPublicAccessBlock]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, BucketRef bucket)
    {
        var account = context.Get(bucket.Account, Regions.Global, AwsOperations.GetAccountPublicAccessBlock);
        var accountBlocks = account.Found && AllOn(account.Root);
        if (accountBlocks)
        {
            yield return Pass(bucket.Arn, bucket.Account, bucket.Region, $"{bucket.Name} is covered by the account's Block Public Access.", new { bucket = bucket.Name, account = "all four on" });
            yield break;
        }

        var own = Read(context, bucket, AwsOperations.GetPublicAccessBlock);
        if (own.Missing)
        {
            yield return Missing(own, bucket.Arn, bucket.Account, bucket.Region);
            yield break;
        }

        var settings = own.Found ? own.Root.GetObject("PublicAccessBlockConfiguration") : null;
        var values = Settings.ToDictionary(s => s, s => settings?.GetBool(s) ?? false);
        var off = values.Where(v => !v.Value).Select(v => v.Key).ToList();
        if (off.Count == 0)
        {
            yield return Pass(bucket.Arn, bucket.Account, bucket.Region, $"{bucket.Name} blocks public access.", new { bucket = bucket.Name, bucketSettings = values });
            yield break;
        }

        // Without the account-level answer, a bucket that does not block on its own might still be covered: say so.
        var accountNote = account.Found ? "the account-level block is not fully on" : account.Missing ? $"the account-level setting is unknown ({account.MissingMessage})" : "no account-level block";
        yield return Fail(bucket.Arn, bucket.Account, bucket.Region,
            $"{bucket.Name} does not block public access ({(own.Found ? "off: " + string.Join(", ", off) : "no bucket-level block")}; {accountNote}).",
            new { bucket = bucket.Name, bucketSettings = own.Found ? values : null, accountLevel = accountNote });
    }

    private static bool AllOn(System.Text.Json.JsonElement answer) =>
        answer.GetObject("PublicAccessBlockConfiguration") is { } c && Settings.All(s => c.GetBool(s) == true);
}
