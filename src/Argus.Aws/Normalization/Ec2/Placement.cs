using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>The relations EC2 answers express the same way in many resources: where a resource lives, what it is attached to.</summary>
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
        else
        {
            InVpc(ctx, item, asset, owner);
        }
    }

    /// <summary>Relates the asset "in" the VPC its <c>VpcId</c> names.</summary>
    public static void InVpc(NormalizationContext ctx, Item item, string asset, string? owner = null)
    {
        if (ctx.String(item, "VpcId") is { } vpcId)
        {
            ctx.Relate(asset, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId, owner));
        }
    }

    /// <summary>
    /// Relates the asset "attached-to" each resource its attachment list names (<c>Attachments[].VpcId</c>,
    /// <c>Attachments[].InstanceId</c>), skipping attachments that are being or have been undone.
    /// </summary>
    public static void AttachedTo(NormalizationContext ctx, Item item, string asset, string list, string idMember, Ec2Kind kind, string? owner = null)
    {
        foreach (var attachment in ctx.Objects(item, list))
        {
            if (ctx.String(attachment, idMember) is { } id && ctx.String(attachment, "State") is not ("detached" or "detaching"))
            {
                ctx.Relate(asset, RelationKinds.AttachedTo, ctx.Ec2Ref(kind, id, owner));
            }
        }
    }
}
