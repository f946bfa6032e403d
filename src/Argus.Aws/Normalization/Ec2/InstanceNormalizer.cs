using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Ec2;

/// <summary>
/// Instances (under <c>Reservations[].Instances[]</c>, owned by the reservation's owner) and EBS volumes. An
/// instance also lists its interfaces and volumes; those relations are taken from it only when the interface or
/// volume answers were not collected, so each relation has one source.
/// </summary>
internal static class InstanceNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        var interfacesFromInstances = !ctx.Has(AwsOperations.DescribeNetworkInterfaces);
        var volumesFromInstances = !ctx.Has(AwsOperations.DescribeVolumes);
        foreach (var reservation in ctx.Items(AwsOperations.DescribeInstances))
        {
            var owner = ctx.String(reservation, "OwnerId");
            foreach (var item in ctx.Objects(reservation, "Instances"))
            {
                if (ctx.AddEc2(item, Ec2Kinds.Instance, owner: owner) is not { } instance)
                {
                    continue;
                }

                Placement.Relate(ctx, item, instance);
                foreach (var group in ctx.Objects(item, "SecurityGroups"))
                {
                    if (ctx.String(group, "GroupId") is { } groupId)
                    {
                        ctx.Relate(instance, RelationKinds.ProtectedBy, ctx.Ec2Ref(Ec2Kinds.SecurityGroup, groupId));
                    }
                }

                if (ctx.Object(item, "IamInstanceProfile") is { } profile && ctx.String(profile, "Arn") is { } profileArn)
                {
                    ctx.Relate(instance, RelationKinds.Uses, profileArn);
                }

                if (interfacesFromInstances)
                {
                    foreach (var eni in ctx.Objects(item, "NetworkInterfaces"))
                    {
                        if (ctx.String(eni, "NetworkInterfaceId") is { } eniId)
                        {
                            ctx.Relate(ctx.Ec2Ref(Ec2Kinds.NetworkInterface, eniId, ctx.String(eni, "OwnerId")), RelationKinds.AttachedTo, instance);
                        }
                    }
                }

                if (volumesFromInstances)
                {
                    foreach (var mapping in ctx.Objects(item, "BlockDeviceMappings"))
                    {
                        if (ctx.Object(mapping, "Ebs") is { } ebs && ctx.String(ebs, "VolumeId") is { } volumeId)
                        {
                            ctx.Relate(ctx.Ec2Ref(Ec2Kinds.Volume, volumeId), RelationKinds.AttachedTo, instance);
                        }
                    }
                }
            }
        }

        foreach (var item in ctx.Items(AwsOperations.DescribeVolumes))
        {
            if (ctx.AddEc2(item, Ec2Kinds.Volume) is { } volume)
            {
                Placement.AttachedTo(ctx, item, volume, "Attachments", "InstanceId", Ec2Kinds.Instance);
            }
        }
    }
}
