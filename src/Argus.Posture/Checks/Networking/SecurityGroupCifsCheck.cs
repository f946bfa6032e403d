using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Checks.Networking;

/// <summary>CIS 7.0: CIFS (tcp 445) is not open to the internet (0.0.0.0/0 or ::/0).</summary>
public sealed class SecurityGroupCifsCheck : SecurityGroupPortsCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.sg-cifs", "No security group opens CIFS (445) to the internet", Severity.High, "ec2", "aws.ec2.security-group",
        "SMB/CIFS on port 445 is a file-sharing protocol never meant for the open internet.",
        "Exposed SMB is a classic worm and ransomware entry point (EternalBlue) and leaks shares.",
        RevokeRemediation("445", "IpRanges=[{CidrIp=0.0.0.0/0}]"),
        ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
        [AwsOperations.DescribeSecurityGroups]);

    protected override IReadOnlyList<int> Ports => [PortRange.Cifs];

    protected override IReadOnlyList<string> Sources => [SecurityGroupIngress.AnyIpv4, SecurityGroupIngress.AnyIpv6];
}
