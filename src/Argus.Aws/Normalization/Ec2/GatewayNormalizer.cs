using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Internet, egress-only internet and NAT gateways: the ways out of a VPC.</summary>
internal static class GatewayNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        AttachedGateways(ctx, AwsOperations.DescribeInternetGateways, Ec2Kinds.InternetGateway);
        AttachedGateways(ctx, AwsOperations.DescribeEgressOnlyInternetGateways, Ec2Kinds.EgressOnlyInternetGateway);

        foreach (var item in ctx.Items(AwsOperations.DescribeNatGateways))
        {
            if (ctx.AddEc2(item, Ec2Kinds.NatGateway) is not { } nat)
            {
                continue;
            }

            Placement.Relate(ctx, item, nat);

            // The gateway's own interfaces carry its addresses; relating them lets an address lead to the gateway.
            var interfaces = ctx.Scratch();
            foreach (var address in ctx.Objects(item, "NatGatewayAddresses"))
            {
                if (ctx.String(address, "NetworkInterfaceId") is { } eniId && interfaces.Add(eniId))
                {
                    ctx.Relate(ctx.Ec2Ref(Ec2Kinds.NetworkInterface, eniId), RelationKinds.AttachedTo, nat);
                }
            }
        }
    }

    /// <summary>Gateways whose <c>Attachments</c> name the VPCs they are attached to.</summary>
    private static void AttachedGateways(NormalizationContext ctx, AwsOperation operation, Ec2Kind kind)
    {
        foreach (var item in ctx.Items(operation))
        {
            if (ctx.AddEc2(item, kind, out var owner) is not { } gateway)
            {
                continue;
            }

            Placement.AttachedTo(ctx, item, gateway, "Attachments", "VpcId", Ec2Kinds.Vpc, owner);
        }
    }
}
