using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: server access logging is enabled on the bucket each trail delivers to.</summary>
public sealed class TrailBucketLoggingCheck : TrailPropertyCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.cloudtrail.bucket-access-logging", "The CloudTrail bucket has server access logging", Severity.Low, "cloudtrail", "aws.cloudtrail.trail",
        "Access logs on the trail's bucket record who read or deleted the audit logs themselves.",
        "Tampering with or exfiltration of the audit trail leaves no trace.",
        new("aws s3api put-bucket-logging --bucket TRAIL_BUCKET --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"ACCESS_LOG_BUCKET\",\"TargetPrefix\":\"cloudtrail/\"}}'",
            "# Set LoggingConfiguration { DestinationBucketName, LogFilePrefix } on the trail's AWS::S3::Bucket.",
            "# Add an aws_s3_bucket_logging for the trail's bucket."),
        ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html"],
        [AwsOperations.DescribeTrails, AwsOperations.GetBucketLogging]);

    protected override CheckOutcome Evaluate(PostureContext context, string account, Trail trail)
    {
        var bucket = trail.Item.GetString("S3BucketName");
        if (bucket is null)
        {
            return new CheckOutcome(trail.Arn, account, trail.HomeRegion, FindingStatus.Error, $"{trail.Name} names no S3 bucket", "{}");
        }

        // The bucket often lives in a log-archive account: look in every account of the snapshot.
        var owner = context.Accounts.FirstOrDefault(a => context.ResourcesOf(a, Regions.Global, AwsOperations.GetBucketLocation).Contains(bucket)
            || context.ResourcesOf(a, Regions.Global, AwsOperations.GetBucketLogging).Contains(bucket)) ?? account;
        var logging = context.Get(owner, Regions.Global, AwsOperations.GetBucketLogging, bucket);
        if (logging.Missing)
        {
            return Missing(logging, trail.Arn, account, trail.HomeRegion);
        }

        var target = logging.Found ? logging.Root.GetObject("LoggingEnabled")?.GetString("TargetBucket") : null;
        return Verdict(target is not null, trail.Arn, account, trail.HomeRegion,
            $"{trail.Name}'s bucket {bucket} logs access to {target}.", $"{trail.Name}'s bucket {bucket} has no server access logging.", new { trail.Arn, bucket, bucketAccount = owner, TargetBucket = target });
    }
}
