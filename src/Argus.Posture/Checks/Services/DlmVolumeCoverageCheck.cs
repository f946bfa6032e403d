using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Every EBS volume is covered by an enabled Data Lifecycle Manager policy (its target tags match the volume or its instance's tags).</summary>
public sealed class DlmVolumeCoverageCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.dlm.volume-coverage", "EBS volumes are covered by a lifecycle (snapshot) policy", Severity.Low, "dlm", "aws.ec2.volume",
        "Data Lifecycle Manager snapshots volumes whose (or whose instance's) tags match an enabled policy's target tags.",
        "Volumes no policy targets have no automatic snapshots to recover from deletion, corruption or ransomware.",
        new("aws dlm create-lifecycle-policy --description daily --state ENABLED --execution-role-arn ROLE --policy-details file://policy.json (TargetTags matching the volume)",
            "# Add an AWS::DLM::LifecyclePolicy whose PolicyDetails.TargetTags match the volumes.",
            "# Add an aws_dlm_lifecycle_policy whose target_tags match the volumes."),
        ["https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html"],
        [AwsOperations.DescribeVolumes, AwsOperations.GetLifecyclePolicies, UncollectedOperations.GetDlmLifecyclePolicy], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.GetLifecyclePolicies;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var volumes = context.Get(account, region, AwsOperations.DescribeVolumes);
        if (volumes.Missing)
        {
            yield return Missing(volumes, ScopeResource(account, region), account, region);
            yield break;
        }

        var targets = new List<(string Policy, IReadOnlyDictionary<string, string> Tags)>();
        foreach (var summary in PostureContext.Items(lookup).Where(p => p.GetString("State") == "ENABLED"))
        {
            var id = summary.GetString("PolicyId") ?? "";
            var policy = context.Get(account, region, UncollectedOperations.GetDlmLifecyclePolicy, id);
            if (policy.Missing)
            {
                yield return Missing(policy, ScopeResource(account, region), account, region);
                yield break;
            }

            var details = policy.Root.GetObject("Policy")?.GetObject("PolicyDetails");
            var types = details?.GetArray("ResourceTypes").Select(t => t.GetString()).ToList() ?? [];
            if (details is { } d && (types.Contains("VOLUME") || types.Contains("INSTANCE")))
            {
                targets.Add((id, Ec2Items.TagList(d.GetArray("TargetTags"))));
            }
        }

        foreach (var (_, item) in Ec2Index.Volumes(context, account, region, volumes))
        {
            var (id, tags) = (item.Id, item.Tags);
            var covering = targets.Where(t => t.Tags.Count > 0 && t.Tags.All(kv => tags.TryGetValue(kv.Key, out var v) && v == kv.Value)).Select(t => t.Policy).ToList();
            yield return Verdict(covering.Count > 0, item.Arn, account, region,
                $"{id} is snapshotted by {string.Join(", ", covering)}.", $"{id} ({Ec2Items.Name(tags, id)}) matches no enabled lifecycle policy.", new { VolumeId = id, policies = covering }, tags);
        }
    }
}
