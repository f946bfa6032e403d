using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>VPC endpoints: private paths from a VPC to AWS and partner services.</summary>
internal static class EndpointNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeVpcEndpoints))
        {
            if (ctx.AddEc2(item, Ec2Kinds.VpcEndpoint, out var owner) is not { } endpoint)
            {
                continue;
            }

            Placement.InVpc(ctx, item, endpoint, owner);

            // Interface endpoints: the interfaces carry the endpoint's addresses and its security groups filter them.
            foreach (var eniId in ctx.Strings(item, "NetworkInterfaceIds"))
            {
                ctx.Relate(ctx.Ec2Ref(Ec2Kinds.NetworkInterface, eniId, owner), RelationKinds.AttachedTo, endpoint);
            }

            foreach (var group in ctx.Objects(item, "Groups"))
            {
                if (ctx.String(group, "GroupId") is { } groupId)
                {
                    ctx.Relate(endpoint, RelationKinds.ProtectedBy, ctx.Ec2Ref(Ec2Kinds.SecurityGroup, groupId, owner));
                }
            }
        }
    }
}
