using System.Text.Json;
using Argus.Core.Json;
using Argus.Posture.Checks;
using Argus.Posture.Engine;

namespace Argus.Posture.Aws;

/// <summary>
/// The instances and volumes of a region read once (id, ARN, tags) and shared by every check over them: three
/// checks read every instance and two every volume, and re-reading tags and building ARNs per check was most of
/// their cost.
/// </summary>
public static class Ec2Index
{
    /// <summary>The instances (not terminated) of a found DescribeInstances answer, with their references.</summary>
    public static IReadOnlyList<Ec2Item> Instances(PostureContext context, string account, string region, Lookup lookup) =>
        context.Shared("ec2.instances", account, region, () => Ec2Items.Instances(lookup)
            .Select(instance =>
            {
                var id = instance.GetString("InstanceId") ?? "";
                return new Ec2Item(instance, new ItemRef(id, Ec2Items.Arn(account, region, "instance", id), account, region, Ec2Items.Tags(instance)));
            })
            .ToList());

    /// <summary>The volumes of a found DescribeVolumes answer, with their references.</summary>
    public static IReadOnlyList<Ec2Item> Volumes(PostureContext context, string account, string region, Lookup lookup) =>
        context.Shared("ec2.volumes", account, region, () => PostureContext.Items(lookup)
            .Select(volume =>
            {
                var id = volume.GetString("VolumeId") ?? "";
                return new Ec2Item(volume, new ItemRef(id, Ec2Items.Arn(account, region, "volume", id), account, region, Ec2Items.Tags(volume)));
            })
            .ToList());
}

/// <summary>One EC2 item of an answer and what checks report it by.</summary>
public sealed record Ec2Item(JsonElement Element, ItemRef Ref);
