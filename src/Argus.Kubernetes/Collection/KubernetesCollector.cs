using System.Net;
using System.Text.Json;
using Argus.Core.Import;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Permissions;
using k8s;
using k8s.Autorest;

namespace Argus.Kubernetes.Collection;

/// <summary>
/// Collects one cluster into raw documents: every resource the catalog lists, all namespaces at once with
/// <c>limit</c>/<c>continue</c> paging, stored as the List object the API server returns (pages merged), split
/// per namespace (region = namespace, <see cref="Regions.Global"/> for cluster-scoped lists). Every namespace
/// gets a document for every namespaced resource, empty when it has none, so "no NetworkPolicy here" is data,
/// not a missing document. A forbidden or failed list becomes a coverage gap naming the verb and resource.
/// </summary>
public sealed class KubernetesCollector : ISnapshotSource
{
    private readonly KubernetesApi api;
    private readonly KubernetesCollectionOptions options;
    private readonly IProgress<KubernetesCollectionProgress>? progress;
    private readonly CancellationToken cancellation;
    private readonly List<CoverageGap> gaps = [];
    private readonly List<ImportNotice> notices = [];
    private int calls;

    /// <param name="client">A client built from a kubeconfig context or the in-cluster configuration (<see cref="KubernetesTarget"/>).</param>
    /// <param name="cluster">The name documents are stored under (the snapshot's account): the cluster or context name.</param>
    public KubernetesCollector(IKubernetes client, string cluster, KubernetesCollectionOptions? options = null,
        IProgress<KubernetesCollectionProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        api = new KubernetesApi(client, KubernetesPermissionCatalog.Instance);
        Cluster = cluster;
        this.options = options ?? new KubernetesCollectionOptions();
        if (this.options.PageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the page size must be positive");
        }

        this.progress = progress;
        this.cancellation = cancellation;
        Header = new SnapshotHeader(Label: this.options.Label, Scopes: [new Scope(Provider.Kubernetes, cluster, "*")]);
    }

    /// <summary>The cluster name documents are stored under.</summary>
    public string Cluster { get; }

    /// <inheritdoc/>
    public string Description => $"kubernetes:{Cluster}";

    /// <inheritdoc/>
    public SnapshotHeader Header { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyList<CoverageGap> Gaps => gaps;

    /// <inheritdoc/>
    public IReadOnlyList<ImportNotice> Notices => notices;

    /// <inheritdoc/>
    public IEnumerable<RawDocument> ReadDocuments()
    {
        var served = api.ServedGroupVersionsAsync(cancellation).GetAwaiter().GetResult();
        if (served is null)
        {
            notices.Add(new ImportNotice(ImportNoticeKind.Warning, Description, "API discovery is forbidden; every catalog resource was tried"));
        }

        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resource in KubernetesPermissionCatalog.Instance.Collected)
        {
            if (cancellation.IsCancellationRequested)
            {
                Header = Header with { Status = SnapshotStatus.Cancelled };
                yield break;
            }

            if (served is not null && !served.Contains(resource.ApiVersion))
            {
                gaps.Add(Gap(resource, GapReason.NotCollected, $"the API server does not serve {resource.ApiVersion}"));
                continue;
            }

            var pages = ListAll(resource);
            if (pages is null)
            {
                continue;
            }

            if (resource.Kind == "Namespace")
            {
                foreach (var item in pages.SelectMany(p => p.GetArray("items")))
                {
                    if (ObjectName(item) is { } name)
                    {
                        namespaces.Add(name);
                    }
                }
            }

            foreach (var document in Documents(resource, pages, namespaces))
            {
                yield return document;
            }
        }
    }

    private List<JsonElement>? ListAll(KubernetesResource resource)
    {
        var pages = new List<JsonElement>();
        string? token = null;
        var restarted = false;
        try
        {
            do
            {
                ListPage page;
                try
                {
                    page = api.ListAsync(resource, token, options.PageSize, cancellation).GetAwaiter().GetResult();
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone && token is not null && !restarted)
                {
                    // The continue token outlived the server's compaction window: list again from the start, once,
                    // so the merged answer is one consistent resourceVersion rather than pages of two.
                    restarted = true;
                    pages.Clear();
                    token = null;
                    notices.Add(new ImportNotice(ImportNoticeKind.Warning, Description, $"list {resource.QualifiedName}: the continue token expired (410 Gone); listed again from the start"));
                    continue;
                }

                pages.Add(page.List);
                token = page.Continue;
                calls++;
                progress?.Report(new KubernetesCollectionProgress(calls, resource.QualifiedName, gaps.Count));
            }
            while (token is not null || pages.Count == 0);
            return pages;
        }
        catch (HttpOperationException e)
        {
            var reason = e.Response.StatusCode switch
            {
                HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => GapReason.AccessDenied,
                HttpStatusCode.TooManyRequests => GapReason.Throttled,
                HttpStatusCode.NotFound => GapReason.NotCollected,
                _ => GapReason.Error,
            };
            gaps.Add(Gap(resource, reason, KubernetesApi.Reason(e)));
        }
        catch (HttpRequestException e)
        {
            gaps.Add(Gap(resource, GapReason.Error, e.Message));
        }
        catch (JsonException e)
        {
            gaps.Add(Gap(resource, GapReason.Error, $"unreadable answer: {e.Message}"));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped by the user: the caller marks the snapshot cancelled and keeps what was listed before.
            return null;
        }

        progress?.Report(new KubernetesCollectionProgress(calls, resource.QualifiedName, gaps.Count));
        return null;
    }

    private IEnumerable<RawDocument> Documents(KubernetesResource resource, List<JsonElement> pages, SortedSet<string> namespaces)
    {
        var first = pages[0];
        if (!resource.Namespaced)
        {
            yield return Document(resource, Regions.Global, first, pages.SelectMany(p => p.GetArray("items")));
            yield break;
        }

        var byNamespace = new SortedDictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var item in pages.SelectMany(p => p.GetArray("items")))
        {
            var ns = item.GetObject("metadata")?.GetString("namespace") ?? "default";
            if (!byNamespace.TryGetValue(ns, out var list))
            {
                byNamespace[ns] = list = [];
            }

            list.Add(item);
        }

        foreach (var ns in namespaces)
        {
            byNamespace.TryAdd(ns, []);
        }

        foreach (var (ns, items) in byNamespace)
        {
            yield return Document(resource, ns, first, items);
        }
    }

    private RawDocument Document(KubernetesResource resource, string region, JsonElement first, IEnumerable<JsonElement> items) =>
        new(Provider.Kubernetes, Cluster, region, resource.Service, resource.ListOperation, null, ListDocument.Write(resource, first, items));

    private CoverageGap Gap(KubernetesResource resource, GapReason reason, string message) =>
        new(Provider.Kubernetes, Cluster, Regions.Global, resource.Service, resource.ListOperation, resource.Action("list"), reason, message);

    private static string? ObjectName(JsonElement item) => item.GetObject("metadata")?.GetString("name");
}
