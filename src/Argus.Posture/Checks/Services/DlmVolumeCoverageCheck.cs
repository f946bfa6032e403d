using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>
/// Every EBS volume is covered by an enabled Data Lifecycle Manager snapshot policy: a VOLUME policy whose target
/// tags the volume carries, an INSTANCE policy whose target tags its instance carries, or a default policy that
/// does not exclude it.
/// </summary>
public sealed class DlmVolumeCoverageCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.dlm.volume-coverage", "EBS volumes are covered by a lifecycle (snapshot) policy", Severity.Low, "dlm", "aws.ec2.volume",
        "Data Lifecycle Manager snapshots the volumes that carry any of an enabled policy's target tags (VOLUME policies), the volumes attached to instances that do (INSTANCE policies), and, for a default policy, every volume it does not exclude.",
        "Volumes no policy targets have no automatic snapshots to recover from deletion, corruption or ransomware.",
        new("aws dlm create-lifecycle-policy --description daily --state ENABLED --execution-role-arn ROLE --policy-details file://policy.json (TargetTags matching the volume)",
            "# Add an AWS::DLM::LifecyclePolicy whose PolicyDetails.TargetTags match the volumes.",
            "# Add an aws_dlm_lifecycle_policy whose target_tags match the volumes."),
        ["https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html"],
        [AwsOperations.DescribeVolumes, AwsOperations.DescribeInstances, AwsOperations.GetLifecyclePolicies, AwsOperations.GetDlmLifecyclePolicy], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.GetLifecyclePolicies;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var volumes = context.Get(account, region, AwsOperations.DescribeVolumes);
        if (volumes.Missing)
        {
            yield return Missing(volumes, ScopeResource(account, region), account, region);
            yield break;
        }

        var policies = new List<DlmPolicy>();
        foreach (var summary in PostureContext.Items(lookup).Where(p => p.GetString("State") == "ENABLED"))
        {
            var id = summary.GetString("PolicyId") ?? "";
            var policy = context.Get(account, region, AwsOperations.GetDlmLifecyclePolicy, id);
            if (policy.Missing)
            {
                yield return Missing(policy, ScopeResource(account, region), account, region);
                yield break;
            }

            if (DlmPolicy.Read(id, policy.Root) is { } read)
            {
                policies.Add(read);
            }
        }

        // Instance tags and root devices only matter when a policy targets instances or leaves boot volumes out.
        var instances = new Dictionary<string, Ec2Item>(StringComparer.Ordinal);
        if (policies.Any(p => p.ResourceTypes.Contains("INSTANCE") || p.ExcludeBootVolumes))
        {
            var described = context.Get(account, region, AwsOperations.DescribeInstances);
            if (described.Missing)
            {
                yield return Missing(described, ScopeResource(account, region), account, region);
                yield break;
            }

            foreach (var instance in Ec2Index.Instances(context, account, region, described))
            {
                instances[instance.Ref.Id] = instance;
            }
        }

        foreach (var (volume, item) in Ec2Index.Volumes(context, account, region, volumes))
        {
            var attached = Attached(volume, instances);
            var volumeType = volume.GetString("VolumeType");
            var covering = policies.Where(p => p.Covers(item.Tags, volumeType, attached)).Select(p => p.Id).ToList();
            yield return Verdict(covering.Count > 0, item.Arn, account, region,
                $"{item.Id} is snapshotted by {string.Join(", ", covering)}.", $"{item.Id} ({Ec2Items.Name(item.Tags, item.Id)}) matches no enabled lifecycle policy.",
                new { VolumeId = item.Id, policies = covering }, item.Tags);
        }
    }

    private static AttachedInstance? Attached(System.Text.Json.JsonElement volume, Dictionary<string, Ec2Item> instances)
    {
        foreach (var attachment in volume.GetArray("Attachments"))
        {
            if (attachment.GetString("InstanceId") is { } id && instances.TryGetValue(id, out var instance))
            {
                var root = instance.Element.GetString("RootDeviceName");
                return new AttachedInstance(instance.Ref.Tags, root is not null && root == attachment.GetString("Device"));
            }
        }

        return null;
    }
}
