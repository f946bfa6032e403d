using System.Text.Json.Nodes;
using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// The describe calls the workflow and the cleanup share: one snapshot or volume by id (null once it is gone),
/// Argus's own ones by tag, waits for a state, and the ownership check every write on an existing resource passes first.
/// </summary>
internal sealed class Ec2Resources(VmScanCloud cloud, VmScanOptions options)
{
    public async Task<JsonNode?> SnapshotAsync(string id, AwsCallContext ctx, CancellationToken ct) =>
        await OneAsync("DescribeSnapshots", "SnapshotIds", "Snapshots", id, ctx, ct).ConfigureAwait(false);

    public async Task<JsonNode?> VolumeAsync(string id, AwsCallContext ctx, CancellationToken ct) =>
        await OneAsync("DescribeVolumes", "VolumeIds", "Volumes", id, ctx, ct).ConfigureAwait(false);

    /// <summary>This account's snapshots carrying the owner tag (and the scan id, when given).</summary>
    public async Task<IReadOnlyList<JsonNode>> OwnedSnapshotsAsync(string? scanId, AwsCallContext ctx, CancellationToken ct, params JsonObject[] filters)
    {
        var answer = await cloud.ReadAllAsync("ec2", "DescribeSnapshots", new JsonObject
        {
            ["OwnerIds"] = new JsonArray("self"),
            ["Filters"] = OwnerFilters(scanId, filters),
        }, ctx, ct).ConfigureAwait(false);
        return (answer["Snapshots"] as JsonArray ?? []).OfType<JsonNode>().ToList();
    }

    public async Task<IReadOnlyList<JsonNode>> OwnedVolumesAsync(string? scanId, AwsCallContext ctx, CancellationToken ct, params JsonObject[] filters)
    {
        var answer = await cloud.ReadAllAsync("ec2", "DescribeVolumes", new JsonObject { ["Filters"] = OwnerFilters(scanId, filters) }, ctx, ct).ConfigureAwait(false);
        return (answer["Volumes"] as JsonArray ?? []).OfType<JsonNode>().ToList();
    }

    /// <summary>
    /// Resources of any EC2 describe call carrying the owner tag (and the scan id, when given): VPCs, subnets,
    /// gateways, route tables, security groups, or the instances of every reservation for DescribeInstances.
    /// </summary>
    public async Task<IReadOnlyList<JsonNode>> OwnedAsync(string operation, string list, string? scanId, AwsCallContext ctx, CancellationToken ct, params JsonObject[] filters)
    {
        var answer = await cloud.ReadAllAsync("ec2", operation, new JsonObject { ["Filters"] = OwnerFilters(scanId, filters) }, ctx, ct).ConfigureAwait(false);
        var items = (answer[list] as JsonArray ?? []).OfType<JsonNode>();
        return (list == "Reservations" ? items.SelectMany(r => r["Instances"] as JsonArray ?? []).OfType<JsonNode>() : items).ToList();
    }

    /// <summary>One instance by id, or null when it is not there.</summary>
    public async Task<JsonNode?> InstanceAsync(string id, AwsCallContext ctx, CancellationToken ct)
    {
        try
        {
            var answer = await cloud.ReadAsync("ec2", "DescribeInstances", new JsonObject { ["InstanceIds"] = new JsonArray(id) }, ctx, ct).ConfigureAwait(false);
            return (answer["Reservations"] as JsonArray ?? []).SelectMany(r => r?["Instances"] as JsonArray ?? []).FirstOrDefault();
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Waits until the instance's state is one of <paramref name="states"/>; throws when it reaches one of <paramref name="failed"/> instead.</summary>
    public async Task<JsonNode> WaitInstanceAsync(string id, AwsCallContext ctx, string[] states, string[] failed, CancellationToken ct)
    {
        for (var poll = 0; ; poll++)
        {
            var instance = await InstanceAsync(id, ctx, ct).ConfigureAwait(false) ?? throw new VmScanStepException($"instance {id} disappeared while Argus waited for it to be {string.Join(" or ", states)}");
            var state = instance["State"]?["Name"]?.GetValue<string>() ?? "";
            if (states.Contains(state))
            {
                return instance;
            }

            if (failed.Contains(state))
            {
                throw new VmScanStepException($"instance {id} is {state}{(instance["StateReason"]?["Message"]?.GetValue<string>() is { } why ? ": " + why : "")}");
            }

            await PauseAsync(poll, $"instance {id} to be {string.Join(" or ", states)}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>Throws unless the resource carries both Argus tags for this scan: checked before every write on something that already exists.</summary>
    public static void EnsureOwned(JsonNode resource, string id, string scanId)
    {
        var tags = VmScanCloud.Tags(resource);
        if (!VmScanTags.IsOwned(tags, scanId))
        {
            throw new NotArgusResourceException(id, tags.TryGetValue(VmScanTags.ScanIdKey, out var other) && tags.GetValueOrDefault(VmScanTags.OwnerKey) == VmScanTags.OwnerValue
                ? $"it belongs to scan {other}, not {scanId}"
                : "it does not carry both Argus tags");
        }
    }

    /// <summary>Waits for one of this scan's snapshots to complete; refuses a snapshot that is not this scan's before anything uses it.</summary>
    public async Task<JsonNode> WaitSnapshotAsync(string id, string scanId, AwsCallContext ctx, CancellationToken ct)
    {
        for (var poll = 0; ; poll++)
        {
            var snapshot = await SnapshotAsync(id, ctx, ct).ConfigureAwait(false) ?? throw new VmScanStepException($"snapshot {id} disappeared while Argus waited for it");
            EnsureOwned(snapshot, id, scanId);
            switch (snapshot["State"]?.GetValue<string>())
            {
                case "completed":
                    return snapshot;
                case "error":
                    throw new VmScanStepException($"snapshot {id} failed: {snapshot["StateMessage"]?.GetValue<string>() ?? "no reason given"}");
            }

            await PauseAsync(poll, $"snapshot {id}", ct).ConfigureAwait(false);
        }
    }

    public async Task<JsonNode> WaitVolumeAsync(string id, AwsCallContext ctx, Func<JsonNode, bool> ready, string what, CancellationToken ct)
    {
        for (var poll = 0; ; poll++)
        {
            var volume = await VolumeAsync(id, ctx, ct).ConfigureAwait(false) ?? throw new VmScanStepException($"volume {id} disappeared while Argus waited for it to be {what}");
            if (volume["State"]?.GetValue<string>() == "error")
            {
                throw new VmScanStepException($"volume {id} is in the error state");
            }

            if (ready(volume))
            {
                return volume;
            }

            await PauseAsync(poll, $"volume {id} to be {what}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>The volume's attachment state ("attached", "detaching", ...), or null when it is attached nowhere.</summary>
    public static string? Attachment(JsonNode volume) =>
        (volume["Attachments"] as JsonArray)?.FirstOrDefault()?["State"]?.GetValue<string>();

    private async Task PauseAsync(int poll, string what, CancellationToken ct)
    {
        if (poll >= options.MaxPolls)
        {
            throw new VmScanStepException($"gave up waiting for {what} after {poll} polls");
        }

        await Task.Delay(options.PollInterval, ct).ConfigureAwait(false);
    }

    private async Task<JsonNode?> OneAsync(string operation, string idsParameter, string list, string id, AwsCallContext ctx, CancellationToken ct)
    {
        try
        {
            var answer = await cloud.ReadAsync("ec2", operation, new JsonObject { [idsParameter] = new JsonArray(id) }, ctx, ct).ConfigureAwait(false);
            return (answer[list] as JsonArray)?.FirstOrDefault();
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return null;
        }
    }

    private static JsonArray OwnerFilters(string? scanId, JsonObject[] more)
    {
        var filters = new JsonArray(VmScanCloud.Filter("tag:" + VmScanTags.OwnerKey, VmScanTags.OwnerValue));
        if (scanId is not null)
        {
            filters.Add(VmScanCloud.Filter("tag:" + VmScanTags.ScanIdKey, scanId));
        }

        foreach (var filter in more)
        {
            filters.Add(filter);
        }

        return filters;
    }
}
