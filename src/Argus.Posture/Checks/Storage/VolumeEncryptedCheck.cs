using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Storage;

/// <summary>Every EBS volume is encrypted: CIS "EBS volume encryption" read per volume, since the region default only covers new volumes.</summary>
public sealed class VolumeEncryptedCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.volume-encrypted", "EBS volumes are encrypted", Severity.Medium, "ec2", "aws.ec2.volume",
        "Encryption by default only affects new volumes; volumes created before it, or elsewhere, may still be plaintext.",
        "Snapshots and copies of unencrypted volumes can be shared or restored without any key permission.",
        new("Create an encrypted snapshot copy (aws ec2 copy-snapshot --encrypted), create a volume from it and swap it in.",
            "# Set Encrypted: true (and KmsKeyId) on AWS::EC2::Volume and on BlockDeviceMappings.",
            "# Set encrypted = true on aws_ebs_volume and on root_block_device / ebs_block_device."),
        ["https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
        [AwsOperations.DescribeVolumes]);

    protected override AwsOperation Source => AwsOperations.DescribeVolumes;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var (volume, item) in Ec2Index.Volumes(context, account, region, lookup))
        {
            var (id, tags) = (item.Id, item.Tags);
            var encrypted = volume.GetBool("Encrypted") == true;
            var attached = volume.GetArray("Attachments").Select(a => a.GetString("InstanceId")).OfType<string>().ToList();
            yield return Verdict(encrypted, item.Arn, account, region,
                $"{id} is encrypted.", $"{id} ({Ec2Items.Name(tags, id)}) is not encrypted.",
                new { VolumeId = id, Encrypted = encrypted, KmsKeyId = volume.GetString("KmsKeyId"), attachedTo = attached }, tags);
        }
    }
}
