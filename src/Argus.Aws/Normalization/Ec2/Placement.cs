using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Where a resource with <c>SubnetId</c> and <c>VpcId</c> members lives.</summary>
internal static class Placement
{
    /// <summary>Relates the asset "in" its subnet, or in its VPC when no subnet is named.</summary>
    /// <param name="owner">The owner to assume for a subnet or VPC this group did not describe.</param>
    public static void Relate(NormalizationContext ctx, Item item, string asset, string? owner = null)
    {
        if (ctx.String(item, "SubnetId") is { } subnetId)
        {
            ctx.Relate(asset, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Subnet, subnetId, owner));
        }
        else if (ctx.String(item, "VpcId") is { } vpcId)
        {
            ctx.Relate(asset, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId, owner));
        }
    }
}
