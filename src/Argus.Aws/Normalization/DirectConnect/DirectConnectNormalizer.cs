using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.DirectConnect;

/// <summary>
/// Direct Connect gateways and the virtual private or transit gateways associated with them. The gateways are
/// global: every region answers with the same list, so each is one asset in region <c>global</c>.
/// </summary>
internal static class DirectConnectNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeDirectConnectGateways))
        {
            if (ctx.Id(item, "directConnectGatewayId") is not { } id)
            {
                continue;
            }

            var owner = ctx.AccountOf(ctx.String(item, "ownerAccount"));
            var tags = ctx.Tags(item, "tags");
            var name = NormalizationContext.NameOf(tags, ctx.String(item, "directConnectGatewayName") ?? id);
            ctx.Add(AwsArns.DirectConnectGateway(ctx.Partition, owner, id), AwsAssetTypes.DirectConnectGateway, owner, Regions.Global, name, tags, ctx.Properties.Compact(item.Json));
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeDirectConnectGatewayAssociations))
        {
            if (ctx.String(item, "associationState") is "disassociated" or "disassociating"
                || ctx.Id(item, "directConnectGatewayId") is not { } dxId)
            {
                continue;
            }

            var dx = AwsArns.DirectConnectGateway(ctx.Partition, ctx.AccountOf(ctx.String(item, "directConnectGatewayOwnerAccount")), dxId);
            if (AssociatedGateway(ctx, item) is { } gateway)
            {
                ctx.Relate(gateway, RelationKinds.AttachedTo, dx);
            }
        }
    }

    /// <summary>The associated gateway's ARN, from <c>associatedGateway</c> or the older <c>virtualGateway*</c> members.</summary>
    private static string? AssociatedGateway(NormalizationContext ctx, Item item)
    {
        if (ctx.Object(item, "associatedGateway") is { } associated && ctx.String(associated, "id") is { } id)
        {
            var kind = ctx.String(associated, "type") switch
            {
                "virtualPrivateGateway" => Ec2Kinds.VpnGateway,
                "transitGateway" => Ec2Kinds.TransitGateway,
                _ => Ec2Kinds.ByIdPrefix(id),
            };
            return kind is null ? null : ctx.Ec2RefIn(kind, id, ctx.String(associated, "ownerAccount"), ctx.String(associated, "region"));
        }

        return ctx.String(item, "virtualGatewayId") is { } vgwId
            ? ctx.Ec2RefIn(Ec2Kinds.VpnGateway, vgwId, ctx.String(item, "virtualGatewayOwnerAccount"), ctx.String(item, "virtualGatewayRegion"))
            : null;
    }
}
