using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>VPCs and subnets: the containers every other network resource is placed in.</summary>
internal static class VpcNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeVpcs))
        {
            if (ctx.AddEc2(item, Ec2Kinds.Vpc, out var owner) is not { } vpc)
            {
                continue;
            }

            // The owner's account contains the VPC (a VPC shared into this account stays the owner's).
            ctx.Relate(ctx.AccountArnOf(owner), RelationKinds.Contains, vpc);
            if (!ctx.IsGlobal)
            {
                ctx.Relate(vpc, RelationKinds.In, AwsArns.Region(ctx.Partition, owner, ctx.Region));
            }
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeSubnets))
        {
            if (ctx.AddEc2(item, Ec2Kinds.Subnet, out var owner) is not { } subnet || ctx.String(item, "VpcId") is not { } vpcId)
            {
                continue;
            }

            var vpc = ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId, owner);
            ctx.Relate(vpc, RelationKinds.Contains, subnet);
            ctx.Relate(subnet, RelationKinds.In, vpc);
        }
    }
}
