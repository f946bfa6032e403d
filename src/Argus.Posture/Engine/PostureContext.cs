using System.Collections.Concurrent;
using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Engine;

/// <summary>
/// A snapshot as checks read it: documents by account, region, operation and resource, parsed on first use; the
/// coverage gaps; and the snapshot time every age is measured against ("unused for 45 days" before the snapshot,
/// not before today). Thread-safe for readers.
/// </summary>
public sealed class PostureContext : IDisposable
{
    private readonly Dictionary<DocumentKey, RawDocument> documents = [];
    private readonly Dictionary<(string Account, string Region, string Service, string Operation), List<string>> resources = [];
    private readonly HashSet<(string Account, string Region, string Service)> services = [];
    private readonly HashSet<(string Account, string Region, string Service, string Resource)> resourceWitnesses = [];
    private readonly HashSet<(string Service, string Operation)> operations = [];
    private readonly ConcurrentDictionary<DocumentKey, Lazy<JsonDocument>> parsed = new();
    private readonly ConcurrentDictionary<(string Name, string Account, string Region), Lazy<object>> shared = new();
    private readonly Dictionary<string, SortedSet<string>> regions = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<CoverageGap> gaps;

    public PostureContext(IEnumerable<RawDocument> documents, IReadOnlyList<CoverageGap> gaps, DateTimeOffset at, IEnumerable<Scope>? scopes = null)
    {
        this.gaps = gaps;
        At = at;
        foreach (var d in documents.Where(d => d.Provider == Provider.Aws))
        {
            var key = new DocumentKey(d.Account, d.Region, d.Service, d.Operation, d.Resource ?? "");
            this.documents[key] = d;
            services.Add((d.Account, d.Region, d.Service));
            operations.Add((d.Service, d.Operation));
            NoteRegion(d.Account, d.Region);
            if (d.Resource is not null)
            {
                resourceWitnesses.Add((d.Account, d.Region, d.Service, d.Resource));
                var list = CollectionsMarshalGet(resources, (d.Account, d.Region, d.Service, d.Operation));
                list.Add(d.Resource);
            }
        }

        foreach (var gap in gaps.Where(g => g.Provider == Provider.Aws))
        {
            NoteRegion(gap.Account, gap.Region);
        }

        foreach (var scope in scopes ?? [])
        {
            if (scope.Provider == Provider.Aws)
            {
                NoteRegion(scope.Account, scope.Region);
            }
        }

        Accounts = regions.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>When the snapshot was taken: the "now" of every age a check computes.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The AWS accounts the snapshot holds anything for.</summary>
    public IReadOnlyList<string> Accounts { get; }

    public IReadOnlyList<CoverageGap> Gaps => gaps;

    /// <summary>The regions (not <c>global</c>) collected for an account: those with documents, gaps or a scope.</summary>
    public IReadOnlyList<string> RegionsOf(string account) =>
        regions.TryGetValue(account, out var set) ? set.Where(r => r != Regions.Global).ToList() : [];

    /// <summary>
    /// Looks an answer up. Global operations are read from the <c>global</c> region whatever <paramref name="region"/> says.
    /// </summary>
    public Lookup Get(string account, string region, AwsOperation op, string? resource = null)
    {
        var stored = op.Global ? Regions.Global : region;
        var key = new DocumentKey(account, stored, op.Service, op.Operation, resource ?? "");
        if (documents.ContainsKey(key))
        {
            return new Lookup(op, LookupState.Found, Parse(key), FindingStatus.Pass, "");
        }

        var gap = FindGap(account, stored, op);
        if (gap is not null)
        {
            var status = gap.Reason == GapReason.AccessDenied ? FindingStatus.NotAuthorized : FindingStatus.Error;
            var what = gap.Reason switch
            {
                GapReason.AccessDenied => "access denied",
                GapReason.Throttled => "throttled",
                GapReason.RegionDisabled => "region disabled",
                GapReason.NotCollected => "not collected",
                _ => "collection error",
            };
            return new Lookup(op, LookupState.Missing, default, status, $"{what}: {gap.Permission} ({op.Service} {op.Operation} in {account}/{stored}): {gap.Message}");
        }

        if (AbsentMeaning.CanBeAbsent(op) && Collected(op) && Witnessed(account, stored, op, resource))
        {
            return new Lookup(op, LookupState.Absent, default, FindingStatus.Pass, "");
        }

        var target = resource is null ? "" : $" for {resource}";
        return new Lookup(op, LookupState.Missing, default, FindingStatus.Error,
            $"not collected: {op.IamAction} ({op.Service} {op.Operation}{target} in {account}/{stored}; no answer and no coverage gap in the snapshot)");
    }

    /// <summary>The resources a per-resource operation was answered for in a scope, in stored order.</summary>
    public IReadOnlyList<string> ResourcesOf(string account, string region, AwsOperation op) =>
        resources.TryGetValue((account, op.Global ? Regions.Global : region, op.Service, op.Operation), out var list) ? list : [];

    /// <summary>
    /// A value derived from the snapshot once per scope and shared by every check that asks for it under the same
    /// name (the instances of a region with their ids, ARNs and tags), so several checks over the same items do not
    /// each re-read them. <paramref name="build"/> runs at most once per name and scope.
    /// </summary>
    public T Shared<T>(string name, string account, string region, Func<T> build)
        where T : class =>
        (T)shared.GetOrAdd((name, account, region), static (_, b) => new Lazy<object>(b), build).Value;

    /// <summary>The items of a list answer (<see cref="AwsOperation.ItemKey"/>), or none when it is not found.</summary>
    public static IEnumerable<JsonElement> Items(Lookup lookup) =>
        lookup.Found && lookup.Operation.ItemKey is { } key ? lookup.Root.GetArray(key) : [];

    public void Dispose()
    {
        foreach (var lazy in parsed.Values)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Dispose();
            }
        }

        parsed.Clear();
        shared.Clear();
    }

    // Absence only means "not configured" for an operation this snapshot's collector makes: one Argus collects
    // (AwsOperations), or one the snapshot holds answers of elsewhere (a newer collector, a hand-run CLI folder).
    private bool Collected(AwsOperation op) => AwsOperations.Find(op.Service, op.Operation) is not null || operations.Contains((op.Service, op.Operation));

    // A per-resource "nothing configured" answer counts as absent when another answer about the same resource was
    // stored; an account- or region-wide one when any answer of the same service was stored for that scope (or,
    // for services that have no other stored answer, any answer at all in that account and region).
    private bool Witnessed(string account, string region, AwsOperation op, string? resource)
    {
        if (resource is not null)
        {
            return resourceWitnesses.Contains((account, region, op.Service, resource));
        }

        return services.Contains((account, region, op.Service))
            || (op.Service is "securityhub" or "account" or "organizations" or "s3control" or "ses" && regions.TryGetValue(account, out var set) && set.Contains(region) && services.Any(s => s.Account == account && s.Region == region));
    }

    private CoverageGap? FindGap(string account, string region, AwsOperation op) =>
        gaps.FirstOrDefault(g => g.Provider == Provider.Aws && g.Account == account
            && (g.Region == region || g.Region == "*" || g.Region.Length == 0)
            && ((g.Service == op.Service && g.Operation == op.Operation) || string.Equals(g.Permission, op.IamAction, StringComparison.OrdinalIgnoreCase)));

    private JsonElement Parse(DocumentKey key) =>
        parsed.GetOrAdd(key, k => new Lazy<JsonDocument>(() => JsonDocument.Parse(documents[k].Json, JsonText.DocumentOptions))).Value.RootElement;

    private void NoteRegion(string account, string region)
    {
        if (string.IsNullOrEmpty(region) || region == "*")
        {
            region = Regions.Global;
        }

        if (!regions.TryGetValue(account, out var set))
        {
            regions[account] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(region);
    }

    private static List<string> CollectionsMarshalGet<TKey>(Dictionary<TKey, List<string>> map, TKey key)
        where TKey : notnull
    {
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return list ??= [];
    }
}
