using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: instances use IAM roles (an instance profile) for AWS access rather than stored keys.</summary>
public sealed class InstanceProfileCheck : InstanceCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.instance-profile", "EC2 instances use an IAM instance role", Severity.Low, "ec2", "aws.ec2.instance",
        "An instance without an instance profile gets AWS access, if it needs any, from keys stored on it.",
        "Keys on disk or in code leak with images, backups and repositories and are rarely rotated.",
        new("aws ec2 associate-iam-instance-profile --instance-id ID --iam-instance-profile Name=PROFILE",
            "# Set IamInstanceProfile on the AWS::EC2::Instance (or the launch template).",
            "# Set iam_instance_profile on aws_instance (or the launch template)."),
        ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html"],
        [AwsOperations.DescribeInstances]);

    protected override CheckOutcome Evaluate(JsonElement instance, ItemRef item)
    {
        var profile = instance.GetObject("IamInstanceProfile")?.GetString("Arn");
        return Verdict(profile is not null, item.Arn, item.Account, item.Region,
            $"{item.Id} uses {profile}.", $"{item.Label} has no instance profile.", new { InstanceId = item.Id, IamInstanceProfile = profile }, item.Tags);
    }
}
