using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>
/// Transit gateways, their route tables and attachments. An attachment can be described by three operations
/// (all attachments, VPC attachments, peering attachments); the first one describes the asset and each adds the
/// relations it knows, so the relations they share go through <see cref="NormalizationContext.RelateOnce"/>.
/// </summary>
internal static class TransitGatewayNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeTransitGateways))
        {
            ctx.AddEc2(item, Ec2Kinds.TransitGateway);
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeTransitGatewayRouteTables))
        {
            if (ctx.AddEc2(item, Ec2Kinds.TransitGatewayRouteTable) is { } table && ctx.String(item, "TransitGatewayId") is { } tgwId)
            {
                ctx.Relate(ctx.Ec2Ref(Ec2Kinds.TransitGateway, tgwId), RelationKinds.Contains, table);
            }
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeTransitGatewayAttachments))
        {
            Attachment(ctx, item);
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeTransitGatewayVpcAttachments))
        {
            VpcAttachment(ctx, item);
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeTransitGatewayPeeringAttachments))
        {
            PeeringAttachment(ctx, item);
        }
    }

    private static void Attachment(NormalizationContext ctx, Item item)
    {
        var tgwOwner = ctx.String(item, "TransitGatewayOwnerId");
        var resourceOwner = ctx.String(item, "ResourceOwnerId");
        var resourceType = ctx.String(item, "ResourceType");

        // The account that created the attachment owns it: the VPC's owner for a VPC, the local transit gateway's
        // owner for a peering, else the resource's owner.
        var owner = resourceType is "peering" or "tgw-peering" ? tgwOwner : resourceOwner ?? tgwOwner;
        if (ctx.AddEc2(item, Ec2Kinds.TransitGatewayAttachment, owner: owner) is not { } attachment)
        {
            return;
        }

        if (ctx.String(item, "TransitGatewayId") is { } tgwId)
        {
            ctx.RelateOnce(attachment, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.TransitGateway, tgwId, tgwOwner));
        }

        if (ctx.String(item, "ResourceId") is { } resourceId && Resource(ctx, resourceType, resourceId, resourceOwner) is { } resource)
        {
            ctx.RelateOnce(attachment, RelationKinds.AttachedTo, resource);
        }

        if (ctx.Object(item, "Association") is { } association && ctx.String(association, "TransitGatewayRouteTableId") is { } tableId
            && ctx.String(association, "State") is not ("disassociated" or "disassociating"))
        {
            ctx.Relate(ctx.Ec2Ref(Ec2Kinds.TransitGatewayRouteTable, tableId, tgwOwner), RelationKinds.AssociatedWith, attachment);
        }
    }

    /// <summary>
    /// What an attachment connects to the transit gateway. A peering attachment names the peer gateway but not its
    /// region, so its ARN would be a guess; that relation comes from the peering attachment answer instead.
    /// </summary>
    private static string? Resource(NormalizationContext ctx, string? type, string id, string? owner) => type switch
    {
        "vpc" => ctx.Ec2Ref(Ec2Kinds.Vpc, id, owner),
        "vpn" => ctx.Ec2Ref(Ec2Kinds.VpnConnection, id, owner),
        "direct-connect-gateway" => AwsArns.DirectConnectGateway(ctx.Partition, ctx.AccountOf(owner), id),
        "connect" => ctx.Ec2Ref(Ec2Kinds.TransitGatewayAttachment, id, owner),
        _ => null,
    };

    private static void VpcAttachment(NormalizationContext ctx, Item item)
    {
        var vpcOwner = ctx.String(item, "VpcOwnerId");
        if (Known(ctx, item, vpcOwner) is not { } attachment)
        {
            return;
        }

        if (ctx.String(item, "TransitGatewayId") is { } tgwId)
        {
            ctx.RelateOnce(attachment, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.TransitGateway, tgwId));
        }

        if (ctx.String(item, "VpcId") is { } vpcId)
        {
            ctx.RelateOnce(attachment, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId, vpcOwner));
        }

        // The subnets hold the attachment's interfaces: traffic enters the transit gateway there.
        foreach (var subnetId in ctx.Strings(item, "SubnetIds"))
        {
            ctx.RelateOnce(attachment, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Subnet, subnetId, vpcOwner));
        }
    }

    private static void PeeringAttachment(NormalizationContext ctx, Item item)
    {
        var requester = Side(ctx, ctx.Object(item, "RequesterTgwInfo"));
        var accepter = Side(ctx, ctx.Object(item, "AccepterTgwInfo"));

        // The attachment belongs to the side in this group's region and account, whichever requested it.
        var local = accepter.Region == ctx.Region && accepter.Owner == ctx.Account ? accepter : requester;
        if (Known(ctx, item, local.Owner) is not { } attachment)
        {
            return;
        }

        foreach (var side in (ReadOnlySpan<PeeringSide>)[requester, accepter])
        {
            if (side.TransitGatewayId is { } tgwId)
            {
                ctx.RelateOnce(attachment, RelationKinds.AttachedTo, ctx.Ec2RefIn(Ec2Kinds.TransitGateway, tgwId, side.Owner, side.Region));
            }
        }
    }

    /// <summary>The attachment's ARN: the one already described in this group, or a new asset from this item.</summary>
    private static string? Known(NormalizationContext ctx, Item item, string? owner) =>
        ctx.Id(item, "TransitGatewayAttachmentId") is not { } id ? null
        : ctx.TryGetEc2(id, out var arn) ? arn
        : ctx.AddEc2(item, Ec2Kinds.TransitGatewayAttachment, owner: owner);

    private static PeeringSide Side(NormalizationContext ctx, Item? info) =>
        info is { } i ? new(ctx.String(i, "TransitGatewayId"), ctx.String(i, "OwnerId"), ctx.String(i, "Region")) : default;

    /// <summary>One transit gateway of a peering (<c>RequesterTgwInfo</c> or <c>AccepterTgwInfo</c>).</summary>
    private readonly record struct PeeringSide(string? TransitGatewayId, string? Owner, string? Region);
}
