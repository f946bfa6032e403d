using System.Text.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Collection;
using Argus.Kubernetes.Permissions;
using Argus.Tests;
using k8s;

namespace Argus.Kubernetes.Tests.Collection;

public sealed class KubernetesCollectorTests
{
    private static KubernetesCollector Collector(FakeKubernetesApi api, int pageSize = 500) =>
        new(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.Endpoint.ToString() }), "test-cluster", new KubernetesCollectionOptions { PageSize = pageSize });

    [Fact]
    public void Lists_every_catalog_resource_with_paging_and_merges_pages_per_namespace()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small);
        var collector = Collector(api, pageSize: 1);

        var documents = collector.ReadDocuments().ToList();

        Assert.Empty(collector.Gaps);
        // Three namespaces, one page each at limit=1: the continue token was followed.
        Assert.Contains(api.Requests, r => r.StartsWith("/api/v1/namespaces?", StringComparison.Ordinal) && r.Contains("continue=", StringComparison.Ordinal));
        var namespaces = Assert.Single(documents, d => d.Operation == "list namespaces");
        Assert.Equal((Regions.Global, "core"), (namespaces.Region, namespaces.Service));
        using (var json = JsonDocument.Parse(namespaces.Json))
        {
            Assert.Equal("NamespaceList", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal(["empty", "legacy", "web"], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("metadata").GetProperty("name").GetString()).Order());
        }

        // Every namespace gets a document per namespaced resource, empty ones included.
        var policies = documents.Where(d => d.Operation == "list networkpolicies").ToDictionary(d => d.Region);
        Assert.Equal(["empty", "legacy", "web"], policies.Keys.Order());
        Assert.Equal("networking.k8s.io", policies["web"].Service);
        Assert.Equal(0, Items(policies["empty"]));
        Assert.Equal(1, Items(policies["web"]));
        Assert.Equal("apps", Assert.Single(documents, d => d.Operation == "list deployments" && d.Region == "web").Service);
        Assert.All(documents, d => Assert.Equal(("test-cluster", Provider.Kubernetes), (d.Account, d.Provider)));
        Assert.Equal(KubernetesPermissionCatalog.Instance.Collected.Count(), documents.Select(d => d.Operation).Distinct().Count());
    }

    [Fact]
    public void Never_requests_secrets_or_configmaps()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small);

        var documents = Collector(api).ReadDocuments().ToList();

        Assert.NotEmpty(api.Requests);
        Assert.DoesNotContain(api.Requests, r => r.Contains("/secrets", StringComparison.Ordinal) || r.Contains("/configmaps", StringComparison.Ordinal));
        Assert.DoesNotContain(documents, d => System.Text.Encoding.UTF8.GetString(d.Json.Span).Contains("c2VjcmV0", StringComparison.Ordinal));
        Assert.Null(KubernetesPermissionCatalog.Instance.Find(Provider.Kubernetes, "list secrets"));
        Assert.Null(KubernetesPermissionCatalog.Instance.Find(Provider.Kubernetes, "get secrets"));
    }

    [Fact]
    public void The_catalog_refuses_a_verb_it_does_not_declare_before_any_request()
    {
        var e = Assert.Throws<Argus.Core.Permissions.PermissionDeniedByCatalogException>(() => KubernetesPermissionCatalog.Instance.Demand("list", "", "secrets"));
        Assert.Equal("list secrets", e.Action);
    }

    [Fact]
    public void A_forbidden_list_becomes_a_gap_naming_verb_and_resource_and_collection_goes_on()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small, forbidden: ["pods", "roles.rbac.authorization.k8s.io"]);
        var collector = Collector(api);

        var documents = collector.ReadDocuments().ToList();

        Assert.Equal(["list pods", "list roles.rbac.authorization.k8s.io"], collector.Gaps.Select(g => g.Permission).Order());
        var gap = Assert.Single(collector.Gaps, g => g.Permission == "list pods");
        Assert.Equal((GapReason.AccessDenied, "core", "list pods"), (gap.Reason, gap.Service, gap.Operation));
        Assert.Contains("cannot list resource \"pods\"", gap.Message);
        Assert.DoesNotContain(documents, d => d.Operation == "list pods");
        Assert.Contains(documents, d => d.Operation == "list deployments");
    }

    [Fact]
    public void An_expired_continue_token_restarts_the_list_once_then_becomes_a_gap()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small) { ExpireContinueTokens = 1 };
        var collector = Collector(api, pageSize: 1);

        var documents = collector.ReadDocuments().ToList();

        Assert.Empty(collector.Gaps);
        Assert.Contains(collector.Notices, n => n.Message.Contains("410 Gone", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(Assert.Single(documents, d => d.Operation == "list namespaces").Json))
        {
            Assert.Equal(3, json.RootElement.GetProperty("items").GetArrayLength());
        }

        using var again = new FakeKubernetesApi(ClusterYaml.Small) { ExpireContinueTokens = 2 };
        var failing = Collector(again, pageSize: 1);
        _ = failing.ReadDocuments().ToList();
        var gap = Assert.Single(failing.Gaps);
        Assert.Equal(("list namespaces", GapReason.Error), (gap.Permission, gap.Reason));
    }

    [Fact]
    public void A_group_the_server_does_not_serve_is_a_not_collected_gap()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small, withoutGroups: ["storage.k8s.io/v1"]);
        var collector = Collector(api);

        _ = collector.ReadDocuments().ToList();

        Assert.Equal(2, collector.Gaps.Count);
        Assert.All(collector.Gaps, g => Assert.Equal(GapReason.NotCollected, g.Reason));
        Assert.DoesNotContain(api.Requests, r => r.Contains("storage.k8s.io", StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_keeps_what_was_listed_and_marks_the_snapshot_cancelled()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small);
        using var stop = new CancellationTokenSource();
        var progress = new StopAfter(3, stop);
        var collector = new KubernetesCollector(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.Endpoint.ToString() }), "c", null, progress, stop.Token);

        var documents = collector.ReadDocuments().ToList();

        Assert.Equal(Argus.Core.Model.SnapshotStatus.Cancelled, collector.Header.Status);
        Assert.Contains(documents, d => d.Operation == "list namespaces");
        Assert.DoesNotContain(documents, d => d.Operation == "list mutatingwebhookconfigurations");
        Assert.Empty(collector.Gaps);
    }

    [Fact]
    public void An_unreachable_server_stops_with_a_connection_error()
    {
        int port;
        using (var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        }

        var collector = new KubernetesCollector(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" }), "gone");

        Assert.Throws<KubernetesConnectionException>(() => collector.ReadDocuments().ToList());
    }

    private sealed class StopAfter(int calls, CancellationTokenSource stop) : IProgress<KubernetesCollectionProgress>
    {
        public void Report(KubernetesCollectionProgress value)
        {
            if (value.CallsDone >= calls)
            {
                stop.Cancel();
            }
        }
    }

    private static int Items(RawDocument document)
    {
        using var json = JsonDocument.Parse(document.Json);
        return json.RootElement.GetProperty("items").GetArrayLength();
    }
}
