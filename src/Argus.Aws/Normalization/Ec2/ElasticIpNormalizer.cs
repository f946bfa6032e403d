using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>Elastic IP addresses and what they are associated with.</summary>
internal static class ElasticIpNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.DescribeAddresses))
        {
            if (ctx.AddEc2(item, Ec2Kinds.ElasticIp) is not { } address)
            {
                continue;
            }

            if (ctx.String(item, "NetworkInterfaceId") is { } eniId)
            {
                ctx.Relate(address, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.NetworkInterface, eniId, ctx.String(item, "NetworkInterfaceOwnerId")));
            }

            if (ctx.String(item, "InstanceId") is { } instanceId)
            {
                ctx.Relate(address, RelationKinds.AttachedTo, ctx.Ec2Ref(Ec2Kinds.Instance, instanceId));
            }
        }
    }
}
