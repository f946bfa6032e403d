using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Posture.Aws;

/// <summary>
/// What an enabled Data Lifecycle Manager EBS snapshot policy targets, from dlm:GetLifecyclePolicy's
/// <c>Policy.PolicyDetails</c>. A custom policy targets volumes (VOLUME) or the volumes attached to instances
/// (INSTANCE) that carry any of its target tags; a default policy targets every volume (or instance) of the region
/// except its exclusions.
/// </summary>
public sealed record DlmPolicy(
    string Id,
    bool Default,
    IReadOnlyList<string> ResourceTypes,
    IReadOnlyDictionary<string, string> TargetTags,
    IReadOnlyDictionary<string, string> ExcludeTags,
    IReadOnlyList<string> ExcludeVolumeTypes,
    bool ExcludeBootVolumes)
{
    /// <summary>The policy in a GetLifecyclePolicy answer, or null when it is not an EBS snapshot policy of volumes or instances.</summary>
    public static DlmPolicy? Read(string id, JsonElement answer)
    {
        var policy = answer.GetObject("Policy");
        var details = policy?.GetObject("PolicyDetails");
        if (policy is not { } p || details is not { } d || (d.GetString("PolicyType") ?? "EBS_SNAPSHOT_MANAGEMENT") != "EBS_SNAPSHOT_MANAGEMENT")
        {
            return null;
        }

        // Custom policies list ResourceTypes; default policies name one ResourceType.
        var types = d.GetArray("ResourceTypes").Select(t => t.GetString()).Append(d.GetString("ResourceType")).OfType<string>()
            .Where(t => t is "VOLUME" or "INSTANCE").Distinct().ToList();
        if (types.Count == 0)
        {
            return null;
        }

        var exclusions = d.GetObject("Exclusions");
        return new DlmPolicy(id, p.GetBool("DefaultPolicy") == true, types, Ec2Items.TagList(d.GetArray("TargetTags")),
            exclusions is { } e ? Ec2Items.TagList(e.GetArray("ExcludeTags")) : new Dictionary<string, string>(),
            exclusions is { } x ? x.GetArray("ExcludeVolumeTypes").Select(t => t.GetString()).OfType<string>().ToList() : [],
            exclusions?.GetBool("ExcludeBootVolumes") == true);
    }

    /// <summary>Whether the policy snapshots a volume, given its tags and type and, when attached, its instance.</summary>
    public bool Covers(IReadOnlyDictionary<string, string> volumeTags, string? volumeType, AttachedInstance? instance)
    {
        if (ExcludeVolumeTypes.Contains(volumeType ?? "") || (ExcludeBootVolumes && instance is { Boot: true }))
        {
            return false;
        }

        var byVolume = ResourceTypes.Contains("VOLUME") && Targets(volumeTags);
        var byInstance = ResourceTypes.Contains("INSTANCE") && instance is { } i && Targets(i.Tags);
        return byVolume || byInstance;
    }

    private bool Targets(IReadOnlyDictionary<string, string> tags) => Default
        ? !ExcludeTags.Any(t => Has(tags, t))
        : TargetTags.Any(t => Has(tags, t));

    private static bool Has(IReadOnlyDictionary<string, string> tags, KeyValuePair<string, string> tag) =>
        tags.TryGetValue(tag.Key, out var value) && value == tag.Value;
}

/// <summary>The instance a volume is attached to: its tags, and whether the volume is its root (boot) device.</summary>
public sealed record AttachedInstance(IReadOnlyDictionary<string, string> Tags, bool Boot);
