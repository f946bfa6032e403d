using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Networking;

/// <summary>
/// CIS: no network ACL allows ingress from 0.0.0.0/0 (or ::/0) to remote administration ports. Entries are read in
/// rule-number order as EC2 evaluates them: for each admin port, the first inbound entry for the whole internet that
/// covers the port decides; a DENY before an ALLOW protects the port.
/// </summary>
public sealed class NaclAdminPortsCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.nacl-admin-ports", "No network ACL admits SSH or RDP from the internet", Severity.Medium, "ec2", "aws.ec2.network-acl",
        "Network ACLs are the subnet-level, stateless filter; AWS's default ACL allows all inbound traffic.",
        "With the ACL open, a single permissive security group exposes admin ports; the ACL adds no defence in depth.",
        new("aws ec2 create-network-acl-entry --network-acl-id ACL_ID --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny (and 3389, and --ipv6-cidr-block ::/0)",
            "# Add AWS::EC2::NetworkAclEntry resources denying tcp 22 and 3389 from 0.0.0.0/0 and ::/0 before the allow rules.",
            "# Add aws_network_acl_rule resources with rule_action = \"deny\" for ports 22 and 3389 from 0.0.0.0/0 and ::/0, numbered before the allow rules."),
        ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html"],
        [AwsOperations.DescribeNetworkAcls]);

    protected override AwsOperation Source => AwsOperations.DescribeNetworkAcls;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var acl in PostureContext.Items(lookup))
        {
            var id = acl.GetString("NetworkAclId") ?? "";
            var inbound = acl.GetArray("Entries").Where(e => e.GetBool("Egress") == false).OrderBy(e => e.TryGetProperty("RuleNumber", out var n) && n.TryGetInt32(out var i) ? i : int.MaxValue).ToList();
            var open = new List<object>();
            foreach (var (family, cidrKey, any) in new[] { ("ipv4", "CidrBlock", "0.0.0.0/0"), ("ipv6", "Ipv6CidrBlock", "::/0") })
            {
                foreach (var port in PortRange.AdminPorts)
                {
                    var decider = inbound.FirstOrDefault(e => e.GetString(cidrKey) == any && PortRange.EntryCovers(e, port));
                    if (decider.ValueKind == JsonValueKind.Object && decider.GetString("RuleAction") == "allow")
                    {
                        open.Add(new { family, port, rule = decider.GetProperty("RuleNumber").GetInt32(), protocol = decider.GetString("Protocol") });
                    }
                }
            }

            yield return Verdict(open.Count == 0, Ec2Items.Arn(account, region, "network-acl", id), account, region,
                $"{id} does not admit SSH or RDP from the internet.", $"{id}{(acl.GetBool("IsDefault") == true ? " (default ACL)" : "")} admits {string.Join(", ", open.Select(o => o.ToString()))} from the internet.",
                new { NetworkAclId = id, VpcId = acl.GetString("VpcId"), IsDefault = acl.GetBool("IsDefault"), allowed = open }, Ec2Items.Tags(acl));
        }
    }
}
