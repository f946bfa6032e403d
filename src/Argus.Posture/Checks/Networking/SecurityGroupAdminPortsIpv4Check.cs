using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;

namespace Argus.Posture.Checks.Networking;

/// <summary>CIS: no security group allows ingress from 0.0.0.0/0 to remote administration ports (22, 3389).</summary>
public sealed class SecurityGroupAdminPortsIpv4Check : SecurityGroupPortsCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.sg-admin-ports-ipv4", "No security group opens SSH or RDP to 0.0.0.0/0", Severity.High, "ec2", "aws.ec2.security-group",
        "A rule allowing tcp 22 or 3389 (or all traffic) from 0.0.0.0/0 exposes remote administration to every IPv4 address.",
        "Internet-wide scanners find and brute-force SSH and RDP within minutes.",
        RevokeRemediation("22", "IpRanges=[{CidrIp=0.0.0.0/0}]"),
        ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
        [AwsOperations.DescribeSecurityGroups]);

    protected override IReadOnlyList<int> Ports => PortRange.AdminPorts;

    protected override IReadOnlyList<string> Sources => [SecurityGroupIngress.AnyIpv4];
}
