using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Networking;

/// <summary>CIS: the default security group of every VPC has no inbound and no outbound rules.</summary>
public sealed class DefaultSecurityGroupCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.default-sg-restricts-all", "Default security groups restrict all traffic", Severity.Medium, "ec2", "aws.ec2.security-group",
        "Resources launched without a security group land in the VPC's default group, which by default admits its members and allows all egress.",
        "Forgotten defaults connect unrelated resources to each other and to the internet.",
        new("aws ec2 revoke-security-group-ingress --group-id DEFAULT_SG --ip-permissions \"$(aws ec2 describe-security-groups --group-ids DEFAULT_SG --query 'SecurityGroups[0].IpPermissions')\" (and revoke-security-group-egress likewise)",
            "# CloudFormation cannot empty a default group; use a custom resource or the CLI.",
            "resource \"aws_default_security_group\" \"default\" {\n  vpc_id = aws_vpc.this.id\n  # no ingress or egress blocks: Terraform removes every rule\n}"),
        ["https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"],
        [AwsOperations.DescribeSecurityGroups]);

    protected override AwsOperation Source => AwsOperations.DescribeSecurityGroups;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var group in PostureContext.Items(lookup).Where(g => g.GetString("GroupName") == "default"))
        {
            var id = group.GetString("GroupId") ?? "";
            var inbound = group.GetArray("IpPermissions").Count();
            var outbound = group.GetArray("IpPermissionsEgress").Count();
            yield return Verdict(inbound + outbound == 0, Ec2Items.Arn(account, region, "security-group", id), account, region,
                $"Default group {id} of {group.GetString("VpcId")} has no rules.", $"Default group {id} of {group.GetString("VpcId")} has {inbound} inbound and {outbound} outbound rules.",
                new { GroupId = id, VpcId = group.GetString("VpcId"), IpPermissions = group.GetProperty("IpPermissions"), IpPermissionsEgress = group.TryGetProperty("IpPermissionsEgress", out var e) ? e : default },
                Ec2Items.Tags(group));
        }
    }
}
