using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Every AWS call a VM scan makes, through the catalog-enforcing <see cref="AwsApiClient"/>: counted by action,
/// and each write reported (action and resource id) before it is sent and after it succeeded.
/// </summary>
public sealed class VmScanCloud(AwsApiClient client, IProgress<VmScanEvent>? events = null)
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    /// <summary>
    /// Awaited after a write succeeded and before the scan records it: tests throw here to crash the scan between
    /// "sent" and "recorded", the window idempotency has to cover.
    /// </summary>
    public Func<string, int, CancellationToken, Task>? AfterWrite { get; init; }

    private int writes;

    /// <summary>Calls made so far, by IAM action.</summary>
    public IReadOnlyDictionary<string, int> Calls => calls.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Writes made so far.</summary>
    public int Writes => writes;

    /// <summary>Counts a call made outside the API client (the results objects on S3).</summary>
    public void Count(string action) => calls.AddOrUpdate(action, 1, (_, n) => n + 1);

    public async Task<JsonObject> ReadAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct)
    {
        calls.AddOrUpdate(client.ActionFor(service, operation), 1, (_, n) => n + 1);
        using var answer = await client.CallAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false);
        return JsonNode.Parse(answer.RootElement.GetRawText())!.AsObject();
    }

    public async Task<JsonObject> ReadAllAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct)
    {
        calls.AddOrUpdate(client.ActionFor(service, operation), 1, (_, n) => n + 1);
        using var answer = await client.CallAllPagesAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false);
        return JsonNode.Parse(answer.RootElement.GetRawText())!.AsObject();
    }

    /// <summary>A write on <paramref name="resourceId"/>; the caller has checked the resource is this scan's.</summary>
    public async Task<JsonObject> WriteAsync(string service, string operation, string resourceId, JsonObject parameters, AwsCallContext ctx, CancellationToken ct)
    {
        var action = client.ActionFor(service, operation);
        events?.Report(new VmScanEvent("write", action, resourceId, $"sending in {ctx.Region}"));
        var answer = await ReadAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false);
        var n = Interlocked.Increment(ref writes);
        events?.Report(new VmScanEvent("write", action, resourceId, "done" + Created(answer)));
        if (AfterWrite is { } hook)
        {
            await hook(action, n, ct).ConfigureAwait(false);
        }

        return answer;
    }

    private static string Created(JsonObject answer) =>
        (answer["SnapshotId"] ?? answer["VolumeId"] ?? answer["GrantId"])?.GetValue<string>() is { } id ? " -> " + id : "";

    /// <summary>The Tags list of a described resource as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Tags(JsonNode? resource)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource?["Tags"] is JsonArray list)
        {
            foreach (var tag in list)
            {
                if (tag?["Key"]?.GetValue<string>() is { } key)
                {
                    tags[key] = tag["Value"]?.GetValue<string>() ?? "";
                }
            }
        }

        return tags;
    }

    /// <summary>The TagSpecifications a create call sends, so the policy's aws:RequestTag condition holds from the first moment.</summary>
    public static JsonArray TagSpecifications(string resourceType, string scanId, string source, string purpose) =>
    [
        new JsonObject
        {
            ["ResourceType"] = resourceType,
            ["Tags"] = new JsonArray(
                Tag(VmScanTags.OwnerKey, VmScanTags.OwnerValue),
                Tag(VmScanTags.ScanIdKey, scanId),
                Tag(VmScanTags.SourceKey, source),
                Tag(VmScanTags.PurposeKey, purpose),
                Tag("Name", $"argus {purpose} of {source}")),
        },
    ];

    /// <summary>An EC2 filter.</summary>
    public static JsonObject Filter(string name, params string[] values) => new() { ["Name"] = name, ["Values"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) };

    public static string Text(JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? throw new JsonException($"the AWS answer has no {property}");

    private static JsonObject Tag(string key, string value) => new() { ["Key"] = key, ["Value"] = value };
}
