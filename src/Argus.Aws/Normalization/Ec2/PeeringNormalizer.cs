using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>
/// VPC peering connections. Both accounts of a cross-account peering describe the same connection, so its
/// ARN, account and region are the requester's on both sides, and each VPC's ARN comes from its own side's
/// owner and region.
/// </summary>
internal static class PeeringNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeVpcPeeringConnections))
        {
            var requester = ctx.Object(item, "RequesterVpcInfo") is { } r ? Side(ctx, r) : default;
            var accepter = ctx.Object(item, "AccepterVpcInfo") is { } a ? Side(ctx, a) : default;
            if (ctx.AddEc2(item, Ec2Kinds.VpcPeeringConnection, owner: requester.Owner ?? ctx.Account, region: requester.Region) is not { } peering)
            {
                continue;
            }

            foreach (var side in (ReadOnlySpan<VpcSide>)[requester, accepter])
            {
                if (side.VpcId is { } vpcId)
                {
                    ctx.Relate(peering, RelationKinds.Connects, ctx.Ec2RefIn(Ec2Kinds.Vpc, vpcId, side.Owner, side.Region));
                }
            }
        }
    }

    private static VpcSide Side(NormalizationContext ctx, Item info) =>
        new(ctx.String(info, "VpcId"), ctx.String(info, "OwnerId"), ctx.String(info, "Region"));

    /// <summary>One end of a peering connection (<c>RequesterVpcInfo</c> or <c>AccepterVpcInfo</c>).</summary>
    private readonly record struct VpcSide(string? VpcId, string? Owner, string? Region);
}
