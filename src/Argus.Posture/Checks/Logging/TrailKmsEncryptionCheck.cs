using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: CloudTrail logs are encrypted at rest with a KMS key (the trail has a KmsKeyId).</summary>
public sealed class TrailKmsEncryptionCheck : TrailPropertyCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.cloudtrail.kms-encryption", "CloudTrail logs are encrypted with KMS", Severity.Medium, "cloudtrail", "aws.cloudtrail.trail",
        "SSE-KMS adds a key policy between log readers and the logs, on top of S3 permissions.",
        "Anyone with read access to the log bucket reads every API call of the account.",
        new("aws cloudtrail update-trail --name TRAIL --kms-key-id KEY_ARN (the key policy must allow cloudtrail.amazonaws.com to GenerateDataKey*)",
            "# Set KMSKeyId on AWS::CloudTrail::Trail.",
            "# Set kms_key_id on aws_cloudtrail."),
        ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html"],
        TrailList);

    protected override CheckOutcome Evaluate(PostureContext context, string account, Trail trail)
    {
        var key = trail.Item.GetString("KmsKeyId");
        return Verdict(key is not null, trail.Arn, account, trail.HomeRegion, $"{trail.Name} encrypts with {key}.", $"{trail.Name} is not encrypted with a KMS key.", new { trail.Arn, KmsKeyId = key });
    }
}
