using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>Security groups and network ACLs.</summary>
internal static class FirewallDocuments
{
    public static RawDocument SecurityGroups(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeSecurityGroups, m.SecurityGroups, (w, group) =>
        {
            w.WriteString("GroupId"u8, group.Id);
            Rules(w, "IpPermissionsEgress"u8, group.Egress);
            if (group.Tags.Count > 0)
            {
                w.WriteTags(group.Tags);
            }

            w.WriteString("VpcId"u8, group.Vpc.Id);
            w.WriteString("SecurityGroupArn"u8, $"arn:aws:ec2:{m.Region}:{m.Account.Id}:security-group/{group.Id}");
            w.WriteString("OwnerId"u8, m.Account.Id);
            w.WriteString("GroupName"u8, group.Name);
            w.WriteString("Description"u8, group.Description);
            Rules(w, "IpPermissions"u8, group.Ingress);
        });
    }

    private static void Rules(Utf8JsonWriter w, ReadOnlySpan<byte> name, List<SecurityGroupRule> rules)
    {
        w.WriteObjects(name, rules, rule =>
        {
            w.WriteString("IpProtocol"u8, rule.Protocol);
            if (rule.FromPort is { } from)
            {
                w.WriteNumber("FromPort"u8, from);
            }

            if (rule.ToPort is { } to)
            {
                w.WriteNumber("ToPort"u8, to);
            }

            w.WriteStartArray("UserIdGroupPairs"u8);
            foreach (var pair in rule.Groups)
            {
                w.WriteStartObject();
                w.WriteOptional("Description"u8, pair.Description);
                w.WriteString("UserId"u8, pair.UserId);
                w.WriteString("GroupId"u8, pair.GroupId);
                if (pair.PeeringConnectionId is not null)
                {
                    w.WriteString("VpcId"u8, pair.VpcId);
                    w.WriteString("VpcPeeringConnectionId"u8, pair.PeeringConnectionId);
                    w.WriteString("PeeringStatus"u8, "active");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            Ranges(w, "IpRanges"u8, "CidrIp", rule.IpRanges);
            Ranges(w, "Ipv6Ranges"u8, "CidrIpv6", rule.Ipv6Ranges);
            Ranges(w, "PrefixListIds"u8, "PrefixListId", rule.PrefixLists);
        });
    }

    private static void Ranges(Utf8JsonWriter w, ReadOnlySpan<byte> name, string key, List<(string Value, string? Description)> ranges)
    {
        w.WriteObjects(name, ranges, item =>
        {
            var (value, description) = item;
            w.WriteOptional("Description"u8, description);
            w.WriteString(key, value);
        });
    }

    public static RawDocument NetworkAcls(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeNetworkAcls, m.NetworkAcls, (w, acl) =>
        {
            w.WriteObjects("Associations"u8, acl.Associations, item =>
            {
                var (association, subnet) = item;
                w.WriteString("NetworkAclAssociationId"u8, association);
                w.WriteString("NetworkAclId"u8, acl.Id);
                w.WriteString("SubnetId"u8, subnet);
            });
            w.WriteObjects("Entries"u8, acl.Entries, entry =>
            {
                w.WriteOptional("CidrBlock"u8, entry.Cidr);
                w.WriteBoolean("Egress"u8, entry.Egress);
                w.WriteOptional("Ipv6CidrBlock"u8, entry.Ipv6Cidr);
                if (entry.FromPort is { } from)
                {
                    w.WriteStartObject("PortRange"u8);
                    w.WriteNumber("From"u8, from);
                    w.WriteNumber("To"u8, entry.ToPort ?? from);
                    w.WriteEndObject();
                }

                w.WriteString("Protocol"u8, entry.Protocol);
                w.WriteString("RuleAction"u8, entry.Action);
                w.WriteNumber("RuleNumber"u8, entry.RuleNumber);
            });
            w.WriteBoolean("IsDefault"u8, acl.IsDefault);
            w.WriteString("NetworkAclId"u8, acl.Id);
            w.WriteTags(acl.Tags);
            w.WriteString("VpcId"u8, acl.Vpc.Id);
            w.WriteString("OwnerId"u8, m.Account.Id);
        });
    }
}
