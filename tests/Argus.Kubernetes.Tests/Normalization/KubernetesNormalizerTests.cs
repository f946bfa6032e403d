using Argus.Core.Model;
using Argus.Kubernetes.Collection;
using Argus.Kubernetes.Normalization;
using Argus.Storage;
using Argus.Storage.Import;
using Argus.Tests;
using k8s;

namespace Argus.Kubernetes.Tests.Normalization;

public sealed class KubernetesNormalizerTests
{
    [Fact]
    public void A_collected_cluster_becomes_assets_and_relations_in_the_store()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small + """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: shop-1, namespace: web, labels: {app: shop}}
            spec:
              nodeName: node-a
              serviceAccountName: shop
              containers: [{name: app, image: "shop:1"}]
            """);
        var folder = TestPaths.NewTempFolder();
        try
        {
            using var store = StoreFactory.Open(Path.Combine(folder, "argus.db"));
            var collector = new KubernetesCollector(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.Endpoint.ToString() }), "prod");
            var snapshot = new SnapshotImporter(store, [new KubernetesNormalizer()]).Import(collector).Snapshot;

            var assets = store.QueryAssets(snapshot.Id).ToDictionary(a => a.Id);
            var pod = assets["prod/web/Pod/shop-1"];
            Assert.Equal(("kubernetes.pod", "web", "shop"), (pod.Type, pod.Region, pod.Tags["app"]));
            Assert.Equal("kubernetes.cluster-role-binding", assets["prod/global/ClusterRoleBinding/ops-admin"].Type);
            Assert.DoesNotContain(assets.Values, a => a.Type == "kubernetes.secret");

            var relations = store.ReadRelations(snapshot.Id).Select(r => (r.From, r.Kind, r.To)).ToHashSet();
            Assert.Contains(("prod/global/Namespace/web", RelationKinds.Contains, "prod/web/Pod/shop-1"), relations);
            Assert.Contains(("prod/web/Deployment/shop", RelationKinds.Contains, "prod/web/ReplicaSet/shop-5d8f"), relations);
            Assert.Contains(("prod/web/Pod/shop-1", RelationKinds.Uses, "prod/web/ServiceAccount/shop"), relations);
            Assert.Contains(("prod/web/Pod/shop-1", RelationKinds.In, "prod/global/Node/node-a"), relations);
            Assert.Contains(("prod/web/Pod/shop-1", RelationKinds.ProtectedBy, "prod/web/NetworkPolicy/default-deny"), relations);
            Assert.Contains(("prod/global/ClusterRoleBinding/ci-reads-secrets", RelationKinds.Uses, "prod/global/ClusterRole/secret-reader"), relations);
            Assert.Contains(("prod/global/ClusterRoleBinding/ci-reads-secrets", RelationKinds.AttachedTo, "prod/legacy/ServiceAccount/ci"), relations);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
