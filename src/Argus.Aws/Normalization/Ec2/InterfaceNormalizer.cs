using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Network interfaces: where an address lives, what it is attached to and which groups filter it.</summary>
internal static class InterfaceNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        var byAddress = ctx.InterfacesByAddress;
        foreach (var item in ctx.Items(AwsOperations.DescribeNetworkInterfaces))
        {
            if (ctx.AddEc2(item, Ec2Kinds.NetworkInterface) is not { } eni)
            {
                continue;
            }

            Placement.Relate(ctx, item, eni);
            if (ctx.Object(item, "Attachment") is { } attachment && ctx.String(attachment, "InstanceId") is { } instanceId)
            {
                ctx.Relate(eni, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.Instance, instanceId, ctx.String(attachment, "InstanceOwnerId")));
            }

            foreach (var group in ctx.Objects(item, "Groups"))
            {
                if (ctx.String(group, "GroupId") is { } groupId)
                {
                    ctx.Relate(eni, RelationKinds.ProtectedBy, ctx.Ec2Ref(Ec2Kinds.SecurityGroup, groupId));
                }
            }

            if (byAddress is not null && ctx.String(item, "VpcId") is { } vpcId)
            {
                foreach (var address in ctx.Objects(item, "PrivateIpAddresses"))
                {
                    if (ctx.String(address, "PrivateIpAddress") is { } ip)
                    {
                        byAddress.TryAdd((vpcId, ip), eni);
                    }
                }
            }
        }
    }
}
