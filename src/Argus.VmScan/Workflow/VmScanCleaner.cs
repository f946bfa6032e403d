using System.Text.Json.Nodes;
using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Finds what VM scans left behind by tag alone, no journal needed (launched scanner instances first, volumes and snapshots tagged argus:owner=argus,
/// the grants named for a scan on the keys of those snapshots and of the journals given, then the scanner networks), and removes it:
/// volumes detached before deletion, grants retired before their snapshot goes. A resource with the owner tag but
/// without a scan id is reported as refused and never touched.
/// </summary>
public sealed partial class VmScanCleaner(VmScanCloud cloud, VmScanOptions options, IProgress<VmScanEvent>? events = null)
{
    private readonly Ec2Resources ec2 = new(cloud, options);

    /// <summary>Also look for launched scanner instances and their networks (six describe calls per context); a scan that launched none need not.</summary>
    public bool IncludeLaunchedScanners { get; init; } = true;

    /// <param name="contexts">Each (account, region) to look in.</param>
    /// <param name="scanId">Only this scan's leftovers; null for every scan's.</param>
    /// <param name="olderThan">Only leftovers created before this moment; null for all.</param>
    /// <param name="keys">Keys to look for grants on besides those of the snapshots found (from journals).</param>
    /// <param name="execute">False lists what would be removed and changes nothing.</param>
    public async Task<IReadOnlyList<CleanupItem>> CleanAsync(IReadOnlyList<AwsCallContext> contexts, string? scanId, DateTimeOffset? olderThan,
        IReadOnlyCollection<(AwsCallContext Context, string KeyId)> keys, bool execute, CancellationToken ct)
    {
        var items = new List<CleanupItem>();
        foreach (var ctx in contexts)
        {
            if (IncludeLaunchedScanners)
            {
                items.AddRange(await InstancesAsync(ctx, scanId, olderThan, execute, ct).ConfigureAwait(false));
            }

            foreach (var volume in await ec2.OwnedVolumesAsync(null, ctx, ct).ConfigureAwait(false))
            {
                var id = VmScanCloud.Text(volume, "VolumeId");
                items.Add(await ActAsync("volume", id, volume, "CreateTime", ctx, scanId, olderThan, execute,
                    () => DetachAndDeleteAsync(cloud, ec2, volume, id, ctx, ct)).ConfigureAwait(false));
            }

            var snapshots = await ec2.OwnedSnapshotsAsync(null, ctx, ct).ConfigureAwait(false);
            var grantKeys = snapshots.Where(s => VmScanTags.IsOwned(VmScanCloud.Tags(s), scanId) && s["KmsKeyId"] is not null)
                .Select(s => VmScanCloud.Text(s, "KmsKeyId"))
                .Concat(keys.Where(k => k.Context == ctx).Select(k => k.KeyId))
                .Distinct(StringComparer.Ordinal);
            foreach (var key in grantKeys)
            {
                items.AddRange(await GrantsAsync(key, ctx, scanId, olderThan, execute, ct).ConfigureAwait(false));
            }

            foreach (var snapshot in snapshots)
            {
                var id = VmScanCloud.Text(snapshot, "SnapshotId");
                items.Add(await ActAsync("snapshot", id, snapshot, "StartTime", ctx, scanId, olderThan, execute,
                    () => DeleteSnapshotAsync(cloud, id, ctx, ct)).ConfigureAwait(false));
            }

            if (IncludeLaunchedScanners)
            {
                items.AddRange(await NetworkAsync(ctx, scanId, olderThan, execute, ct).ConfigureAwait(false));
            }
        }

        return items.Where(i => i.Outcome != "other scan").ToList();
    }

    private async Task<CleanupItem> ActAsync(string kind, string id, JsonNode resource, string createdProperty, AwsCallContext ctx, string? scanId,
        DateTimeOffset? olderThan, bool execute, Func<Task> remove)
    {
        var tags = VmScanCloud.Tags(resource);
        var owner = tags.GetValueOrDefault(VmScanTags.ScanIdKey);
        if (!VmScanTags.IsOwned(tags, null))
        {
            var missing = tags.GetValueOrDefault(VmScanTags.OwnerKey) == VmScanTags.OwnerValue ? VmScanTags.ScanIdKey : $"{VmScanTags.OwnerKey}={VmScanTags.OwnerValue}";
            events?.Report(new VmScanEvent("refused", null, id, $"not tagged {missing}: not removed"));
            return new CleanupItem(kind, id, ctx.Region, null, $"refused: no {missing} tag");
        }

        if (scanId is not null && owner != scanId)
        {
            return new CleanupItem(kind, id, ctx.Region, owner, "other scan");
        }

        // Network resources have no creation time: the scan id they carry says when their scan started.
        if (olderThan is { } limit && (resource[createdProperty]?.GetValue<DateTimeOffset>() ?? ScanPlan.StartedAt(owner!) ?? DateTimeOffset.MaxValue) is var created && created > limit)
        {
            return new CleanupItem(kind, id, ctx.Region, owner, "kept: younger than --older-than");
        }

        if (!execute)
        {
            return new CleanupItem(kind, id, ctx.Region, owner, "would remove");
        }

        try
        {
            await remove().ConfigureAwait(false);
            return new CleanupItem(kind, id, ctx.Region, owner, "removed");
        }
        catch (Exception e) when (e is AwsApiException or VmScanStepException)
        {
            return new CleanupItem(kind, id, ctx.Region, owner, "failed: " + e.Message);
        }
    }

    private async Task<IReadOnlyList<CleanupItem>> GrantsAsync(string key, AwsCallContext ctx, string? scanId, DateTimeOffset? olderThan, bool execute, CancellationToken ct)
    {
        JsonObject answer;
        try
        {
            answer = await cloud.ReadAllAsync("kms", "ListGrants", new JsonObject { ["KeyId"] = key }, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind is AwsErrorKind.NotFound or AwsErrorKind.AccessDenied)
        {
            return [new CleanupItem("grant", key, ctx.Region, scanId, "failed: cannot list the key's grants: " + e.Message)];
        }

        var prefix = VmScanTags.GrantName("");
        var items = new List<CleanupItem>();
        foreach (var grant in (answer["Grants"] as JsonArray ?? []).OfType<JsonNode>())
        {
            var name = grant["Name"]?.GetValue<string>() ?? "";
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || (scanId is not null && name != VmScanTags.GrantName(scanId)))
            {
                continue;
            }

            var id = VmScanCloud.Text(grant, "GrantId");
            var owner = name[prefix.Length..];
            if (olderThan is { } limit && grant["CreationDate"]?.GetValue<DateTimeOffset>() is { } created && created > limit)
            {
                items.Add(new CleanupItem("grant", id, ctx.Region, owner, "kept: younger than --older-than"));
                continue;
            }

            if (!execute)
            {
                items.Add(new CleanupItem("grant", id, ctx.Region, owner, "would remove"));
                continue;
            }

            try
            {
                await cloud.WriteAsync("kms", "RetireGrant", key, new JsonObject { ["KeyId"] = key, ["GrantId"] = id }, ctx, ct).ConfigureAwait(false);
                items.Add(new CleanupItem("grant", id, ctx.Region, owner, "removed"));
            }
            catch (AwsApiException e)
            {
                items.Add(new CleanupItem("grant", id, ctx.Region, owner, "failed: " + e.Message));
            }
        }

        return items;
    }

    /// <summary>Detaches an Argus volume (when attached) and deletes it; the caller checked its tags.</summary>
    internal static async Task DetachAndDeleteAsync(VmScanCloud cloud, Ec2Resources ec2, JsonNode volume, string id, AwsCallContext ctx, CancellationToken ct)
    {
        if (Ec2Resources.Attachment(volume) is "attached" or "attaching")
        {
            await cloud.WriteAsync("ec2", "DetachVolume", id, new JsonObject { ["VolumeId"] = id }, ctx, ct).ConfigureAwait(false);
        }

        if (Ec2Resources.Attachment(volume) is not null)
        {
            await ec2.WaitVolumeAsync(id, ctx, v => Ec2Resources.Attachment(v) is null, "detached", ct).ConfigureAwait(false);
        }

        try
        {
            await cloud.WriteAsync("ec2", "DeleteVolume", id, new JsonObject { ["VolumeId"] = id }, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
        }
    }

    internal static async Task DeleteSnapshotAsync(VmScanCloud cloud, string id, AwsCallContext ctx, CancellationToken ct)
    {
        try
        {
            await cloud.WriteAsync("ec2", "DeleteSnapshot", id, new JsonObject { ["SnapshotId"] = id }, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
        }
    }
}
