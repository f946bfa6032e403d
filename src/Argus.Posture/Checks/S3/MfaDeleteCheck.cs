using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.S3;

/// <summary>CIS: MFA delete is enabled on buckets (GetBucketVersioning MFADelete Enabled).</summary>
public sealed class MfaDeleteCheck : BucketCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.s3.mfa-delete", "MFA delete is enabled on S3 buckets", Severity.Low, "s3", "aws.s3.bucket",
        "With MFA delete, changing versioning or permanently deleting an object version needs the root user's MFA code.",
        "Stolen credentials can destroy every version of the data, including backups and logs.",
        new("aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa 'arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device CODE' (as root)",
            "# MFA delete cannot be set by CloudFormation; enable versioning there and MFA delete with the root user's CLI.",
            "# aws_s3_bucket_versioning supports mfa_delete = \"Enabled\" only with the root user's mfa argument."),
        ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html"],
        [AwsOperations.ListBuckets, AwsOperations.GetBucketVersioning]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, BucketRef bucket)
    {
        var versioning = Read(context, bucket, AwsOperations.GetBucketVersioning);
        if (versioning.Missing)
        {
            yield return Missing(versioning, bucket.Arn, bucket.Account, bucket.Region);
            yield break;
        }

        var status = versioning.Found ? versioning.Root.GetString("Status") : null;
        var mfa = versioning.Found ? versioning.Root.GetString("MFADelete") ?? versioning.Root.GetString("MfaDelete") : null;
        yield return Verdict(mfa == "Enabled", bucket.Arn, bucket.Account, bucket.Region,
            $"{bucket.Name} has MFA delete.", versioning.Found ? $"{bucket.Name} versioning {status ?? "off"}, MFA delete {mfa ?? "off"}." : $"{bucket.Name} was never versioned, so MFA delete is off.",
            new { bucket = bucket.Name, Status = status, MFADelete = mfa });
    }
}
