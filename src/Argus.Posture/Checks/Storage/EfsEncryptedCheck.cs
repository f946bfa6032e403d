using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Storage;

/// <summary>CIS: EFS file systems are encrypted at rest.</summary>
public sealed class EfsEncryptedCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.efs.encrypted", "EFS file systems are encrypted at rest", Severity.Medium, "efs", "aws.efs.file-system",
        "EFS encryption at rest is chosen at creation and cannot be turned on later.",
        "File data and metadata are stored unencrypted.",
        new("Create an encrypted file system (aws efs create-file-system --encrypted --kms-key-id KEY), copy the data (AWS DataSync) and delete the old one.",
            "# Set Encrypted: true (and KmsKeyId) on AWS::EFS::FileSystem; it replaces the file system.",
            "# Set encrypted = true (and kms_key_id) on aws_efs_file_system; it replaces the file system."),
        ["https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html"],
        [AwsOperations.DescribeFileSystems]);

    protected override AwsOperation Source => AwsOperations.DescribeFileSystems;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var fs in PostureContext.Items(lookup))
        {
            var id = fs.GetString("FileSystemId") ?? "";
            var arn = fs.GetString("FileSystemArn") ?? $"arn:aws:elasticfilesystem:{region}:{account}:file-system/{id}";
            var encrypted = fs.GetBool("Encrypted") == true;
            yield return Verdict(encrypted, arn, account, region, $"{id} is encrypted.", $"{id} is not encrypted at rest.",
                new { FileSystemId = id, Encrypted = encrypted, KmsKeyId = fs.GetString("KmsKeyId") }, Ec2Items.Tags(fs));
        }
    }
}
