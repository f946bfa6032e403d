using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Operations;
using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Core.Permissions;
using Ops = Argus.Aws.Operations.AwsOperations;

namespace Argus.Aws.Collection;

/// <summary>
/// Collects one AWS account live: every operation of <see cref="AwsOperations"/>, global ones once, regional
/// ones in each region, per-resource ones for each resource their parent answer lists. Calls run in parallel
/// (a global limit and a rate limiter per region); documents stream out as calls complete. A failed call is a
/// coverage gap, never the end of the collection; cancelling keeps what was collected and marks the snapshot
/// cancelled.
/// </summary>
public sealed partial class AwsCollector : ISnapshotSource
{
    // Operations only called for a resource their parent answer lists, or with parameters built from one;
    // the generic pass skips them. A test checks that every per-resource operation is among them.
    internal static readonly IReadOnlySet<AwsOperation> Walked = new HashSet<AwsOperation>(PostureWalked())
    {
        Ops.GetCallerIdentity, Ops.DescribeRegions,
        Ops.DescribeOrganization, Ops.ListRoots, Ops.ListAccounts, Ops.ListOrganizationalUnitsForParent, Ops.ListAccountsForParent,
        Ops.ListBuckets, Ops.GetBucketLocation, Ops.GetBucketPolicy, Ops.GetBucketPolicyStatus, Ops.GetPublicAccessBlock,
        Ops.GetBucketAcl, Ops.GetBucketEncryption, Ops.GetBucketVersioning, Ops.GetBucketTagging,
        Ops.ListUsers, Ops.ListAccessKeys,
        Ops.DescribeLoadBalancers, Ops.DescribeListeners, Ops.DescribeTargetGroups, Ops.DescribeTargetHealth, Ops.DescribeTags,
        Ops.DescribeManagedPrefixLists, Ops.GetManagedPrefixListEntries,
        Ops.DescribeTransitGatewayRouteTables, Ops.SearchTransitGatewayRoutes, Ops.GetTransitGatewayRouteTableAssociations, Ops.GetTransitGatewayRouteTablePropagations,
        Ops.DescribeTrails, Ops.GetTrailStatus, Ops.GetEventSelectors,
        Ops.ListKeys, Ops.DescribeKey, Ops.GetKeyRotationStatus, Ops.GetKeyPolicy,
        Ops.ListFirewalls, Ops.DescribeFirewall, Ops.DescribeFirewallPolicy, Ops.DescribeRuleGroup,
    };

    // Operations whose answers name the resources of further calls: they get their region's tokens before calls
    // that lead nowhere, so every walk is under way early and the last calls in a region are ones nothing waits on.
    internal static readonly IReadOnlySet<AwsOperation> Leading = new HashSet<AwsOperation>
    {
        Ops.DescribeRegions, Ops.DescribeOrganization, Ops.ListRoots, Ops.ListOrganizationalUnitsForParent, Ops.ListServiceControlPolicies,
        Ops.ListBuckets, Ops.GetBucketLocation, Ops.ListUsers,
        Ops.DescribeLoadBalancers, Ops.DescribeTargetGroups, Ops.DescribeManagedPrefixLists, Ops.DescribeTransitGatewayRouteTables,
        Ops.ListFirewalls, Ops.DescribeFirewall, Ops.DescribeFirewallPolicy, Ops.DescribeTrails, Ops.ListKeys, Ops.DescribeKey,
        Ops.DescribeFileSystems, Ops.ListAnalyzers, Ops.DescribeHub, Ops.ListWebACLs, Ops.DescribeRepositories, Ops.ListClusters,
        Ops.DescribeEnvironments, Ops.GetRestApis, Ops.ListFlows, Ops.GetLifecyclePolicies,
    };

    // elbv2:DescribeTags takes at most 20 ARNs per call.
    private const int TagArnsPerCall = 20;

    private readonly AwsApiClient client;
    private readonly AWSCredentials credentials;
    private readonly AwsCollectionOptions options;
    private readonly IProgress<CollectionProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly byte[] identity;
    private readonly ConcurrentDictionary<string, RequestGate> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CoverageGap> gaps = new();
    private readonly ConcurrentDictionary<string, bool> disabledRegions = new(StringComparer.Ordinal);
    private readonly Channel<RawDocument> documents = Channel.CreateUnbounded<RawDocument>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private long callsDone;
    private int regionsDone;
    private long callsKnown;
    private int enumerated;
    private DateTimeOffset? finishedAt;
    private SnapshotStatus status = SnapshotStatus.Complete;

    private AwsCollector(AwsApiClient client, AWSCredentials credentials, AwsCollectionOptions options, string account, byte[] identity,
        IProgress<CollectionProgress>? progress, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Concurrency);
        this.client = client;
        this.credentials = credentials;
        this.options = options;
        this.identity = identity;
        this.progress = progress;
        this.cancellation = cancellation;
        Account = account;
    }

    /// <summary>The account being collected, as sts:GetCallerIdentity named it.</summary>
    public string Account { get; }

    /// <summary>The AWS partition of the account (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>), from the caller's ARN.</summary>
    public string Partition { get; private init; } = "aws";

    /// <summary>The regions visited.</summary>
    public IReadOnlyList<string> RegionNames { get; private set; } = [];

    /// <inheritdoc/>
    public string Description => $"aws:{Account} ({RegionNames.Count} region{(RegionNames.Count == 1 ? "" : "s")})";

    /// <inheritdoc/>
    /// <remarks>Status and end time are final once <see cref="ReadDocuments"/> has been enumerated.</remarks>
    public SnapshotHeader Header => new(null, startedAt, finishedAt, status, options.Label,
        [new Scope(Provider.Aws, Account, Regions.Global), .. RegionNames.Select(r => new Scope(Provider.Aws, Account, r))]);

    /// <inheritdoc/>
    public IReadOnlyList<CoverageGap> Gaps => [.. gaps];

    /// <inheritdoc/>
    public IReadOnlyList<ImportNotice> Notices => [];

    /// <summary>
    /// Identifies the account (sts:GetCallerIdentity) and chooses the regions: the options', else those
    /// ec2:DescribeRegions says are enabled. Collection starts when <see cref="ReadDocuments"/> is enumerated;
    /// <paramref name="cancellation"/> stops it early and marks the snapshot cancelled.
    /// </summary>
    /// <exception cref="AwsApiException">The credentials do not work: without an account id nothing can be collected.</exception>
    public static async Task<AwsCollector> ConnectAsync(AwsApiClient client, AWSCredentials credentials, AwsCollectionOptions options,
        IProgress<CollectionProgress>? progress, CancellationToken cancellation)
    {
        var home = new AwsCallContext(credentials, options.HomeRegion, options.Endpoint);
        using var caller = await client.CallAsync("sts", "GetCallerIdentity", null, home, cancellation).ConfigureAwait(false);
        var account = caller.RootElement.GetProperty("Account").GetString()
            ?? throw new AwsApiException("sts:GetCallerIdentity", AwsErrorKind.Other, "MalformedResponse", "the answer names no account", 200, 1);
        var collector = new AwsCollector(client, credentials, options, account, JsonSerializer.SerializeToUtf8Bytes(caller.RootElement), progress, cancellation)
        {
            Partition = Text(caller.RootElement, "Arn")?.Split(':') is [_, var partition, ..] ? partition : "aws",
        };
        collector.RegionNames = options.Regions ?? await collector.EnabledRegionsAsync().ConfigureAwait(false);
        return collector;
    }

    /// <inheritdoc/>
    public IEnumerable<RawDocument> ReadDocuments() => ReadDocumentsAsync(CancellationToken.None).ToBlockingEnumerable();

    /// <summary>
    /// The documents as calls complete. <paramref name="readerGone"/> stops collecting without marking the snapshot
    /// cancelled (the reader failed); the token given to <see cref="ConnectAsync"/> is the user's cancellation.
    /// </summary>
    internal async IAsyncEnumerable<RawDocument> ReadDocumentsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken readerGone)
    {
        if (Interlocked.Exchange(ref enumerated, 1) != 0)
        {
            throw new InvalidOperationException("a live collection can be read only once");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, readerGone);
        var run = Task.Run(() => RunAsync(stop), CancellationToken.None);
        try
        {
            await foreach (var document in documents.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return document;
            }
        }
        finally
        {
            // The reader may stop early (the importer failed): stop calling AWS too.
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationTokenSource stop)
    {
        try
        {
            Emit(Regions.Global, Ops.GetCallerIdentity, null, identity);
            var work = new List<Task> { CollectGlobalAsync(stop) };
            work.AddRange(RegionNames.Select(async r =>
            {
                await CollectRegionAsync(r, stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref regionsDone);
                Report(Interlocked.Read(ref callsDone), Interlocked.Read(ref callsKnown), r);
            }));
            await Task.WhenAll(work).ConfigureAwait(false);
        }
        finally
        {
            status = cancellation.IsCancellationRequested ? SnapshotStatus.Cancelled : SnapshotStatus.Complete;
            finishedAt = DateTimeOffset.UtcNow;
            documents.Writer.Complete();
        }
    }

    private async Task<IReadOnlyList<string>> EnabledRegionsAsync()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var answer = await CallAsync(options.HomeRegion, options.HomeRegion, Ops.DescribeRegions, null, null, stop, emit: false).ConfigureAwait(false);
        if (answer is not { } regions)
        {
            // The gap is recorded; the home region is the one place we know calls can go.
            return [options.HomeRegion];
        }

        return [.. Items(regions, "Regions")
            .Where(r => Text(r, "OptInStatus") is null or "opt-in-not-required" or "opted-in")
            .Select(r => Text(r, "RegionName"))
            .OfType<string>()
            .Order(StringComparer.Ordinal)];
    }

    private async Task CollectGlobalAsync(CancellationTokenSource stop)
    {
        var generic = Staggered(Ops.All.Where(o => o.Global && !o.PerResource && !Walked.Contains(o)), Account, Regions.Global)
            .Select(o => CallAsync(Regions.Global, options.HomeRegion, o, null, null, stop, read: false));
        await Task.WhenAll([.. generic, WalkOrganizationAsync(stop), WalkBucketsAsync(stop), WalkUsersAsync(stop), WalkGlobalPostureAsync(stop)]).ConfigureAwait(false);
    }

    private async Task CollectRegionAsync(string region, CancellationToken outer)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(outer);

        // One call first: a region that is not enabled answers OptInRequired, and then nothing else is tried there.
        await CallAsync(region, region, Ops.DescribeRegions, null, null, stop).ConfigureAwait(false);
        if (stop.IsCancellationRequested)
        {
            return;
        }

        var generic = Staggered(Ops.All.Where(o => !o.Global && !o.PerResource && !Walked.Contains(o)), Account, region)
            .Select(o => CallAsync(region, region, o, null, null, stop, read: false));
        await Task.WhenAll([.. generic, WalkLoadBalancingAsync(region, stop), WalkPrefixListsAsync(region, stop),
            WalkTrailsAsync(region, stop), WalkKeysAsync(region, stop), WalkRegionalPostureAsync(region, stop),
            WalkTransitGatewayRouteTablesAsync(region, stop), WalkFirewallsAsync(region, stop)]).ConfigureAwait(false);
    }

    /// <summary>
    /// The operations in an order rotated by a hash of the account and region: each account-region starts its list at
    /// a different place, so the large describes (interfaces, instances, security groups) of an organization's many
    /// account-regions do not all arrive, and get parsed, in the same second.
    /// </summary>
    internal static IReadOnlyList<AwsOperation> Staggered(IEnumerable<AwsOperation> operations, string account, string region)
    {
        var list = operations.ToList();
        if (list.Count == 0)
        {
            return list;
        }

        // FNV-1a: string.GetHashCode differs between runs, and a benchmark should see the same order every time.
        var hash = 2166136261u;
        foreach (var c in $"{account}/{region}")
        {
            hash = (hash ^ c) * 16777619u;
        }

        var offset = (int)(hash % (uint)list.Count);
        return [.. list.Skip(offset), .. list.Take(offset)];
    }

    private async Task WalkOrganizationAsync(CancellationTokenSource stop)
    {
        if (await CallAsync(Regions.Global, options.HomeRegion, Ops.DescribeOrganization, null, null, stop).ConfigureAwait(false) is null)
        {
            return;
        }

        // The tree is the deepest walk (a call per level): it must not wait for the others.
        await Task.WhenAll(
            WalkRootsAsync(stop),
            WalkOrganizationPoliciesAsync(stop),
            CallAsync(Regions.Global, options.HomeRegion, Ops.ListAccounts, null, null, stop)).ConfigureAwait(false);
    }

    private async Task WalkRootsAsync(CancellationTokenSource stop)
    {
        if (await CallAsync(Regions.Global, options.HomeRegion, Ops.ListRoots, null, null, stop).ConfigureAwait(false) is { } found)
        {
            await Task.WhenAll(Items(found, "Roots").Select(r => Text(r, "Id")).OfType<string>().Select(id => WalkParentAsync(id, stop))).ConfigureAwait(false);
        }
    }

    private async Task WalkParentAsync(string parent, CancellationTokenSource stop)
    {
        var parameters = new JsonObject { ["ParentId"] = parent };
        var accounts = CallAsync(Regions.Global, options.HomeRegion, Ops.ListAccountsForParent, parent, parameters, stop);
        var units = await CallAsync(Regions.Global, options.HomeRegion, Ops.ListOrganizationalUnitsForParent, parent, (JsonObject)parameters.DeepClone(), stop).ConfigureAwait(false);
        var children = units is { } u
            ? Items(u, "OrganizationalUnits").Select(o => Text(o, "Id")).OfType<string>().Select(id => WalkParentAsync(id, stop))
            : [];
        await Task.WhenAll([accounts, .. children]).ConfigureAwait(false);
    }

    private async Task WalkBucketsAsync(CancellationTokenSource stop)
    {
        if (await CallAsync(Regions.Global, options.HomeRegion, Ops.ListBuckets, null, null, stop).ConfigureAwait(false) is not { } list)
        {
            return;
        }

        await Task.WhenAll(Items(list, "Buckets").Select(b => Text(b, "Name")).OfType<string>().Select(b => WalkBucketAsync(b, stop))).ConfigureAwait(false);
    }

    private async Task WalkBucketAsync(string bucket, CancellationTokenSource stop)
    {
        var location = await CallAsync(Regions.Global, options.HomeRegion, Ops.GetBucketLocation, bucket, Bucket(bucket), stop).ConfigureAwait(false);
        var region = BucketRegion(location) ?? options.HomeRegion;
        Task[] details =
        [
            .. new[] { Ops.GetBucketPolicy, Ops.GetBucketPolicyStatus, Ops.GetPublicAccessBlock, Ops.GetBucketAcl, Ops.GetBucketEncryption, Ops.GetBucketVersioning, Ops.GetBucketTagging, Ops.GetBucketLogging }
                .Select(o => CallAsync(Regions.Global, region, o, bucket, Bucket(bucket), stop)),
        ];
        await Task.WhenAll(details).ConfigureAwait(false);
    }

    /// <summary>GetBucketLocation's answer: no constraint is us-east-1, the legacy <c>EU</c> is eu-west-1.</summary>
    internal static string? BucketRegion(JsonElement? location)
    {
        if (location is not { } answer)
        {
            return null;
        }

        return Text(answer, "LocationConstraint") switch
        {
            null or "" => "us-east-1",
            "EU" => "eu-west-1",
            var name => name,
        };
    }

    private async Task WalkUsersAsync(CancellationTokenSource stop)
    {
        if (await CallAsync(Regions.Global, options.HomeRegion, Ops.ListUsers, null, null, stop).ConfigureAwait(false) is not { } users)
        {
            return;
        }

        await Task.WhenAll(Items(users, "Users").Select(u => Text(u, "UserName")).OfType<string>()
            .Select(u => CallAsync(Regions.Global, options.HomeRegion, Ops.ListAccessKeys, u, new JsonObject { ["UserName"] = u }, stop))).ConfigureAwait(false);
    }

    private async Task WalkLoadBalancingAsync(string region, CancellationTokenSource stop)
    {
        var balancers = CallAsync(region, region, Ops.DescribeLoadBalancers, null, null, stop);
        var groups = CallAsync(region, region, Ops.DescribeTargetGroups, null, null, stop);
        var lbArns = await balancers.ConfigureAwait(false) is { } lbs ? Items(lbs, "LoadBalancers").Select(l => Text(l, "LoadBalancerArn")).OfType<string>().ToList() : [];
        var tgArns = await groups.ConfigureAwait(false) is { } tgs ? Items(tgs, "TargetGroups").Select(t => Text(t, "TargetGroupArn")).OfType<string>().ToList() : [];
        await Task.WhenAll(
        [
            .. lbArns.Select(a => CallAsync(region, region, Ops.DescribeListeners, a, new JsonObject { ["LoadBalancerArn"] = a }, stop)),
            .. tgArns.Select(a => CallAsync(region, region, Ops.DescribeTargetHealth, a, new JsonObject { ["TargetGroupArn"] = a }, stop)),
            CollectTagsAsync(region, [.. lbArns, .. tgArns], stop),
        ]).ConfigureAwait(false);
    }

    /// <summary>elbv2 tags are read 20 ARNs at a time and stored as one answer, as if the CLI had been given every ARN.</summary>
    private async Task CollectTagsAsync(string region, IReadOnlyList<string> arns, CancellationTokenSource stop)
    {
        if (arns.Count == 0)
        {
            return;
        }

        var answers = await Task.WhenAll(arns.Chunk(TagArnsPerCall).Select(chunk =>
            CallAsync(region, region, Ops.DescribeTags, null, new JsonObject { ["ResourceArns"] = new JsonArray([.. chunk.Select(a => (JsonNode)a)]) }, stop, emit: false)))
            .ConfigureAwait(false);
        if (answers.All(a => a is null))
        {
            return;
        }

        var merged = new JsonArray();
        foreach (var answer in answers.OfType<JsonElement>())
        {
            foreach (var item in Items(answer, "TagDescriptions"))
            {
                merged.Add(JsonNode.Parse(item.GetRawText()));
            }
        }

        Emit(region, Ops.DescribeTags, null, JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["TagDescriptions"] = merged }));
    }

    private async Task WalkPrefixListsAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.DescribeManagedPrefixLists, null, null, stop).ConfigureAwait(false) is not { } lists)
        {
            return;
        }

        // AWS-managed lists (S3, DynamoDB, CloudFront) are the same everywhere and large; only the account's own are read.
        await Task.WhenAll(Items(lists, "PrefixLists").Where(p => Text(p, "OwnerId") != "AWS").Select(p => Text(p, "PrefixListId")).OfType<string>()
            .Select(id => CallAsync(region, region, Ops.GetManagedPrefixListEntries, id, new JsonObject { ["PrefixListId"] = id }, stop))).ConfigureAwait(false);
    }

    /// <summary>
    /// A transit gateway route table's routes, associations and propagations: three calls per table the account
    /// can see (the gateway's owner sees them; accounts it is shared with do not).
    /// </summary>
    private async Task WalkTransitGatewayRouteTablesAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.DescribeTransitGatewayRouteTables, null, null, stop).ConfigureAwait(false) is not { } tables)
        {
            return;
        }

        var ids = Items(tables, "TransitGatewayRouteTables").Select(t => Text(t, "TransitGatewayRouteTableId")).OfType<string>().ToList();
        await Task.WhenAll(
        [
            .. ids.Select(id => CallAsync(region, region, Ops.SearchTransitGatewayRoutes, id, new JsonObject
            {
                ["TransitGatewayRouteTableId"] = id,
                ["Filters"] = new JsonArray(new JsonObject { ["Name"] = "type", ["Values"] = new JsonArray("static", "propagated") }),
            }, stop)),
            .. ids.Select(id => CallAsync(region, region, Ops.GetTransitGatewayRouteTableAssociations, id, new JsonObject { ["TransitGatewayRouteTableId"] = id }, stop)),
            .. ids.Select(id => CallAsync(region, region, Ops.GetTransitGatewayRouteTablePropagations, id, new JsonObject { ["TransitGatewayRouteTableId"] = id }, stop)),
        ]).ConfigureAwait(false);
    }

    /// <summary>
    /// Network firewalls, then each firewall's description, each policy they use once and each rule group those
    /// policies reference once (policies and rule groups are shared between firewalls).
    /// </summary>
    private async Task WalkFirewallsAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.ListFirewalls, null, null, stop).ConfigureAwait(false) is not { } list)
        {
            return;
        }

        var firewalls = await Task.WhenAll(Items(list, "Firewalls").Select(f => Text(f, "FirewallArn")).OfType<string>()
            .Select(arn => CallAsync(region, region, Ops.DescribeFirewall, arn, new JsonObject { ["FirewallArn"] = arn }, stop))).ConfigureAwait(false);
        var policyArns = firewalls.OfType<JsonElement>()
            .Select(f => f.TryGetProperty("Firewall", out var firewall) ? Text(firewall, "FirewallPolicyArn") : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var policies = await Task.WhenAll(policyArns.Select(arn => CallAsync(region, region, Ops.DescribeFirewallPolicy, arn,
            new JsonObject { ["FirewallPolicyArn"] = arn }, stop))).ConfigureAwait(false);
        var groupArns = policies.OfType<JsonElement>()
            .Where(p => p.TryGetProperty("FirewallPolicy", out _))
            .SelectMany(p => Items(p.GetProperty("FirewallPolicy"), "StatelessRuleGroupReferences").Concat(Items(p.GetProperty("FirewallPolicy"), "StatefulRuleGroupReferences")))
            .Select(r => Text(r, "ResourceArn")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await Task.WhenAll(groupArns.Select(arn => CallAsync(region, region, Ops.DescribeRuleGroup, arn, new JsonObject { ["RuleGroupArn"] = arn }, stop))).ConfigureAwait(false);
    }

    private async Task WalkTrailsAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.DescribeTrails, null, null, stop).ConfigureAwait(false) is not { } trails)
        {
            return;
        }

        // A multi-region trail is listed in every region (as a shadow trail); its status and selectors are read once,
        // in its home region, unless that region is not being collected.
        var arns = Items(trails, "trailList")
            .Where(t => Text(t, "HomeRegion") is not { } home || home == region || !RegionNames.Contains(home, StringComparer.Ordinal))
            .Select(t => Text(t, "TrailARN")).OfType<string>().ToList();
        await Task.WhenAll(
        [
            .. arns.Select(a => CallAsync(region, region, Ops.GetTrailStatus, a, new JsonObject { ["Name"] = a }, stop)),
            .. arns.Select(a => CallAsync(region, region, Ops.GetEventSelectors, a, new JsonObject { ["TrailName"] = a }, stop)),
        ]).ConfigureAwait(false);
    }

    private async Task WalkKeysAsync(string region, CancellationTokenSource stop)
    {
        if (await CallAsync(region, region, Ops.ListKeys, null, null, stop).ConfigureAwait(false) is not { } keys)
        {
            return;
        }

        await Task.WhenAll(Items(keys, "Keys").Select(k => Text(k, "KeyId")).OfType<string>().Select(k => WalkKeyAsync(region, k, stop))).ConfigureAwait(false);
    }

    private async Task WalkKeyAsync(string region, string key, CancellationTokenSource stop)
    {
        var described = await CallAsync(region, region, Ops.DescribeKey, key, new JsonObject { ["KeyId"] = key }, stop).ConfigureAwait(false);
        var policy = CallAsync(region, region, Ops.GetKeyPolicy, key, new JsonObject { ["KeyId"] = key, ["PolicyName"] = "default" }, stop);
        if (described is { } d && d.TryGetProperty("KeyMetadata", out var metadata) && Rotatable(metadata))
        {
            await CallAsync(region, region, Ops.GetKeyRotationStatus, key, new JsonObject { ["KeyId"] = key }, stop).ConfigureAwait(false);
        }

        await policy.ConfigureAwait(false);
    }

    /// <summary>
    /// Whether kms:GetKeyRotationStatus has an answer for the key: AWS rotates AWS-managed keys itself, and refuses the
    /// call for asymmetric or HMAC keys, imported or custom-store key material, and keys pending deletion or import.
    /// </summary>
    internal static bool Rotatable(JsonElement metadata) =>
        Text(metadata, "KeyManager") == "CUSTOMER"
        && (Text(metadata, "KeySpec") ?? Text(metadata, "CustomerMasterKeySpec")) is null or "SYMMETRIC_DEFAULT"
        && Text(metadata, "Origin") is null or "AWS_KMS"
        && Text(metadata, "KeyState") is not ("PendingDeletion" or "PendingImport" or "PendingReplicaDeletion" or "Unavailable");

    /// <summary>
    /// One operation, every page, through its region's gate (a slot, and a token per request). Returns the answer, or null
    /// when there is none: nothing configured (NotFound), a coverage gap recorded, or collection stopped.
    /// </summary>
    /// <param name="read">
    /// Whether the caller reads the answer; when not, a successful call returns an undefined element rather than
    /// parsing what can be megabytes (the generic pass stores its answers without looking into them).
    /// </param>
    private async Task<JsonElement?> CallAsync(string storedRegion, string callRegion, AwsOperation op, string? resource, JsonObject? parameters,
        CancellationTokenSource stop, bool emit = true, bool read = true)
    {
        var ct = stop.Token;
        if (ct.IsCancellationRequested)
        {
            return null;
        }

        var known = Interlocked.Increment(ref callsKnown);
        var gate = gates.GetOrAdd(callRegion, _ => new RequestGate(options.CallsPerSecond, options.Concurrency));
        IDisposable? slot = null;
        try
        {
            slot = await gate.EnterAsync(Leading.Contains(op) ? CallPriority.Leading : CallPriority.Leaf, ct).ConfigureAwait(false);
            var first = true;
            var context = new AwsCallContext(credentials, callRegion, options.Endpoint)
            {
                // Every further page and retry takes a token too: AWS counts requests, not logical calls.
                BeforeAttempt = token =>
                {
                    if (first)
                    {
                        first = false;
                        return Task.CompletedTask;
                    }

                    return gate.WaitAsync(token);
                },
                OnRetry = e =>
                {
                    if (e.Kind == AwsErrorKind.Throttled)
                    {
                        gate.SlowDown();
                    }
                },
            };
            var json = await client.CallAllPagesUtf8Async(op.Service, op.Operation, parameters, context, ct).ConfigureAwait(false);
            gate.Succeeded();
            if (emit)
            {
                Emit(storedRegion, op, resource, json);
            }

            // Reads the stored bytes in place (no copy); the document's pooled index goes back to the GC with it.
            return read ? JsonDocument.Parse(json).RootElement : default(JsonElement);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound || NothingToRead(op, e.Code))
        {
            return null;
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.RegionDisabled)
        {
            if (disabledRegions.TryAdd(callRegion, true))
            {
                Gap(storedRegion, op, GapReason.RegionDisabled, $"region {callRegion} is not enabled for the account; nothing collected there ({e.Message})");
            }

            if (!op.Global)
            {
                stop.Cancel();
            }

            return null;
        }
        catch (AwsApiException e)
        {
            var reason = e.Kind switch
            {
                AwsErrorKind.AccessDenied => GapReason.AccessDenied,
                AwsErrorKind.Throttled => GapReason.Throttled,
                _ => GapReason.Error,
            };
            Gap(storedRegion, op, reason, e.Message);
            return null;
        }
        catch (PermissionDeniedByCatalogException e)
        {
            Gap(storedRegion, op, GapReason.NotCollected, e.Message);
            return null;
        }
        finally
        {
            slot?.Dispose();

            var done = Interlocked.Increment(ref callsDone);
            Report(done, Math.Max(known, Interlocked.Read(ref callsKnown)), storedRegion);
        }
    }

    // Answers that mean "nothing there" without a NotFound code: an account outside any organization, an IAM
    // credential report never generated (generating one is a write, which Argus never makes), and Security Hub not
    // enabled in the region (its only InvalidAccessException: "Account ... is not subscribed to AWS Security Hub").
    internal static bool NothingToRead(AwsOperation op, string code) =>
        code is "AWSOrganizationsNotInUseException" or "ReportNotPresent"
        || (op.Service == "securityhub" && code == "InvalidAccessException");

    private void Report(long done, long known, string region) =>
        progress?.Report(new CollectionProgress(done, known, Account, region, gaps.Count, Volatile.Read(ref regionsDone), RegionNames.Count));

    private void Emit(string region, AwsOperation op, string? resource, byte[] json) =>
        documents.Writer.TryWrite(new RawDocument(Provider.Aws, Account, region, op.Service, op.Operation, resource, json));

    private void Gap(string region, AwsOperation op, GapReason reason, string message) =>
        gaps.Enqueue(new CoverageGap(Provider.Aws, Account, region, op.Service, op.Operation, op.IamAction, reason, message));

    private static JsonObject Bucket(string name) => new() { ["Bucket"] = name };

    private static IEnumerable<JsonElement> Items(JsonElement answer, string key) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];

    internal static string? Text(JsonElement item, string key) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
