using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Storage;

/// <summary>CIS: EBS encryption by default is on in every region.</summary>
public sealed class EbsDefaultEncryptionCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.ebs-default-encryption", "EBS encryption by default is on in every region", Severity.Medium, "ec2", "aws.region",
        "With encryption by default, every new EBS volume and snapshot copy in the region is encrypted.",
        "Volumes created by hand or by tools that forget the flag hold data unencrypted at rest.",
        new("aws ec2 enable-ebs-encryption-by-default --region REGION",
            "# No CloudFormation resource; use the CLI, a custom resource or an AWS Config remediation.",
            "resource \"aws_ebs_encryption_by_default\" \"this\" {\n  enabled = true\n}"),
        ["https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html"],
        [AwsOperations.GetEbsEncryptionByDefault]);

    protected override AwsOperation Source => AwsOperations.GetEbsEncryptionByDefault;

    protected override string ScopeResource(string account, string region) => RegionalId("ec2", account, region, "ebs-encryption-by-default");

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var on = lookup.Root.GetBool("EbsEncryptionByDefault");
        yield return Verdict(on == true, ScopeResource(account, region), account, region,
            $"New volumes in {region} are encrypted by default.", $"EBS encryption by default is off in {region}.", new { EbsEncryptionByDefault = on });
    }
}
