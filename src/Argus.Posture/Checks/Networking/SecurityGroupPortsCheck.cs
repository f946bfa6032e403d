using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Networking;

/// <summary>A per-security-group check that some ports are not open to the whole internet from one address family.</summary>
public abstract class SecurityGroupPortsCheck : RegionalCheck
{
    protected abstract IReadOnlyList<int> Ports { get; }

    /// <summary>0.0.0.0/0 or ::/0.</summary>
    protected abstract IReadOnlyList<string> Sources { get; }

    protected override AwsOperation Source => AwsOperations.DescribeSecurityGroups;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var group in PostureContext.Items(lookup))
        {
            var id = group.GetString("GroupId") ?? "";
            var name = group.GetString("GroupName") ?? id;
            var open = Sources.SelectMany(s => SecurityGroupIngress.OpenRules(group, Ports, s)).ToList();
            yield return Verdict(open.Count == 0, Ec2Items.Arn(account, region, "security-group", id), account, region,
                $"{id} ({name}) opens none of ports {string.Join(", ", Ports)} to {string.Join(" or ", Sources)}.",
                $"{id} ({name}) opens port {string.Join(", ", open.SelectMany(r => r.Ports).Distinct().Order())} to {string.Join(" and ", open.Select(r => r.Source).Distinct())}.",
                new { GroupId = id, GroupName = name, VpcId = group.GetString("VpcId"), openRules = open }, Ec2Items.Tags(group));
        }
    }

    protected static Remediation RevokeRemediation(string port, string cidrFlag) => new(
        $"aws ec2 revoke-security-group-ingress --group-id GROUP_ID --ip-permissions 'IpProtocol=tcp,FromPort={port},ToPort={port},{cidrFlag}'; reach the hosts through Systems Manager Session Manager or a VPN instead",
        "# Remove the SecurityGroupIngress entry with CidrIp 0.0.0.0/0 / CidrIpv6 ::/0 for the port, or narrow it to your networks.",
        "# Remove the ingress block (or aws_vpc_security_group_ingress_rule) with cidr_blocks [\"0.0.0.0/0\"] / ipv6_cidr_blocks [\"::/0\"] for the port.");
}
