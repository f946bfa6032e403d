using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Security groups, network ACLs and managed prefix lists: the rule sets traffic is filtered by.</summary>
internal static class FirewallNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeSecurityGroups))
        {
            if (ctx.AddEc2(item, Ec2Kinds.SecurityGroup, out var owner) is { } group)
            {
                Placement.InVpc(ctx, item, group, owner);
            }
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeNetworkAcls))
        {
            if (ctx.AddEc2(item, Ec2Kinds.NetworkAcl, out var owner) is not { } acl)
            {
                continue;
            }

            Placement.InVpc(ctx, item, acl, owner);
            foreach (var association in ctx.Objects(item, "Associations"))
            {
                if (ctx.String(association, "SubnetId") is { } subnetId)
                {
                    ctx.Relate(acl, RelationKinds.AssociatedWith, ctx.Ec2Ref(Ec2Kinds.Subnet, subnetId, owner));
                }
            }
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeManagedPrefixLists))
        {
            // The entries come from a separate call per list; they are what the list means, so they are merged in.
            using var entries = item.Json.GetString("PrefixListId") is { } id ? ctx.Open(AwsOperations.GetManagedPrefixListEntries, id) : null;
            var properties = entries is null ? null : ctx.Properties.Merge(item.Json, [("Entries", entries.Member("Entries"))]);
            ctx.AddEc2(item, Ec2Kinds.PrefixList, properties: properties);
        }
    }
}
