using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Checks.Storage;

/// <summary>CIS: RDS instances are encrypted at rest.</summary>
public sealed class RdsEncryptedCheck : DbInstanceCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.rds.storage-encrypted", "RDS instances are encrypted at rest", Severity.High, "rds", "aws.rds.db-instance",
        "Encryption covers the instance's storage, automated backups, read replicas and snapshots.",
        "Unencrypted database storage and snapshots can be copied or shared without any key permission.",
        new("Snapshot the instance, copy the snapshot with --kms-key-id, restore a new instance from the copy and switch the application to it.",
            "# Set StorageEncrypted: true (and KmsKeyId) on AWS::RDS::DBInstance; changing it replaces the instance.",
            "# Set storage_encrypted = true (and kms_key_id) on aws_db_instance; changing it replaces the instance."),
        ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
        [AwsOperations.DescribeDBInstances]);

    protected override CheckOutcome Evaluate(string account, string region, string name, string arn, JsonElement db)
    {
        var encrypted = db.GetBool("StorageEncrypted") == true;
        return Verdict(encrypted, arn, account, region, $"{name} is encrypted.", $"{name} is not encrypted at rest.",
            new { DBInstanceIdentifier = name, StorageEncrypted = encrypted, KmsKeyId = db.GetString("KmsKeyId") }, Tags(db));
    }
}
