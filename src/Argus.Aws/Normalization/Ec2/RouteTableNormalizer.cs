using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>
/// Route tables: what they are associated with (subnets, edge gateways, and for the main table its VPC, which
/// stands for every subnet without an explicit association) and where their routes send traffic.
/// </summary>
internal static class RouteTableNormalizer
{
    /// <summary>The route members naming a target, and the target's kind (null: known from the id's prefix).</summary>
    private static readonly (string Member, Ec2Kind? Kind)[] RouteTargets =
    [
        ("GatewayId", null),
        ("EgressOnlyInternetGatewayId", Ec2Kinds.EgressOnlyInternetGateway),
        ("NatGatewayId", Ec2Kinds.NatGateway),
        ("TransitGatewayId", Ec2Kinds.TransitGateway),
        ("VpcPeeringConnectionId", Ec2Kinds.VpcPeeringConnection),
        ("NetworkInterfaceId", Ec2Kinds.NetworkInterface),
        ("InstanceId", Ec2Kinds.Instance),
    ];

    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeRouteTables))
        {
            if (ctx.AddEc2(item, Ec2Kinds.RouteTable, out var owner) is not { } table)
            {
                continue;
            }

            var vpcId = ctx.String(item, "VpcId");
            if (vpcId is not null)
            {
                ctx.Relate(table, RelationKinds.In, ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId, owner));
            }

            foreach (var association in ctx.Objects(item, "Associations"))
            {
                Association(ctx, association, table, vpcId, owner);
            }

            var targets = ctx.Scratch();
            foreach (var route in ctx.Objects(item, "Routes"))
            {
                // A blackhole route names a target that no longer exists; it sends nothing there.
                if (ctx.String(route, "State") == "blackhole")
                {
                    continue;
                }

                foreach (var (member, kind) in RouteTargets)
                {
                    if (ctx.String(route, member) is { } id && id != "local" && Target(ctx, route, member, kind, id) is { } target && targets.Add(target))
                    {
                        ctx.Relate(table, RelationKinds.RoutesTo, target);
                    }
                }
            }
        }
    }

    private static void Association(NormalizationContext ctx, Item association, string table, string? vpcId, string owner)
    {
        if (ctx.Object(association, "AssociationState") is { } state && ctx.String(state, "State") is "disassociated" or "disassociating" or "failed")
        {
            return;
        }

        if (ctx.String(association, "SubnetId") is { } subnetId)
        {
            ctx.Relate(table, RelationKinds.AssociatedWith, ctx.Ec2Ref(Ec2Kinds.Subnet, subnetId, owner));
        }
        else if (ctx.String(association, "GatewayId") is { } gatewayId)
        {
            if (Ec2Kinds.ByIdPrefix(gatewayId) is { } kind)
            {
                ctx.Relate(table, RelationKinds.AssociatedWith, ctx.Ec2Ref(kind, gatewayId, owner));
            }
            else
            {
                ctx.Warn(association, $"\"GatewayId\" '{gatewayId}' is not a gateway Argus knows; no relation");
            }
        }
        else if (association.Json.GetBool("Main") == true && vpcId is not null)
        {
            ctx.Relate(table, RelationKinds.AssociatedWith, ctx.Ec2Ref(Ec2Kinds.Vpc, vpcId, owner));
        }
    }

    private static string? Target(NormalizationContext ctx, Item route, string member, Ec2Kind? kind, string id)
    {
        kind ??= Ec2Kinds.ByIdPrefix(id);
        if (kind is null)
        {
            ctx.Warn(route, $"\"{member}\" '{id}' is not a route target Argus knows; no relation");
            return null;
        }

        return ctx.Ec2Ref(kind, id, kind == Ec2Kinds.Instance ? ctx.String(route, "InstanceOwnerId") : null);
    }
}
