using System.Collections.Frozen;
using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Site-to-site VPN: customer gateways, virtual private gateways and the connections between them.</summary>
internal static class VpnNormalizer
{
    /// <summary>
    /// Members that hold the tunnels' pre-shared keys (the generated device configuration and the tunnel options).
    /// They are secrets, so they never reach the inventory.
    /// </summary>
    private static readonly FrozenSet<string> Secrets = FrozenSet.Create(StringComparer.Ordinal, "CustomerGatewayConfiguration", "PreSharedKey");

    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeCustomerGateways))
        {
            ctx.AddEc2(item, Ec2Kinds.CustomerGateway);
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeVpnGateways))
        {
            if (ctx.AddEc2(item, Ec2Kinds.VpnGateway) is { } gateway)
            {
                Placement.AttachedTo(ctx, item, gateway, "VpcAttachments", "VpcId", Ec2Kinds.Vpc);
            }
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeVpnConnections))
        {
            if (ctx.AddEc2(item, Ec2Kinds.VpnConnection, properties: ctx.Properties.Redacted(item.Json, Secrets)) is not { } connection)
            {
                continue;
            }

            if (ctx.String(item, "VpnGatewayId") is { } vgwId)
            {
                ctx.Relate(connection, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.VpnGateway, vgwId));
            }

            if (ctx.String(item, "TransitGatewayId") is { } tgwId)
            {
                ctx.Relate(connection, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.TransitGateway, tgwId));
            }

            if (ctx.String(item, "CustomerGatewayId") is { } cgwId)
            {
                ctx.Relate(connection, RelationKinds.Connects, ctx.Ec2Ref(Ec2Kinds.CustomerGateway, cgwId));
            }
        }
    }
}
