using System.Text.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Checks;
using Argus.Kubernetes.Collection;
using Argus.Kubernetes.Manifests;
using Argus.Kubernetes.Objects;
using Argus.Tests;
using k8s;

namespace Argus.Kubernetes.Tests.Checks;

public sealed class KubernetesChecksTests
{
    private static IReadOnlyList<CheckResult> Scan(string yaml) =>
        KubernetesCheckEngine.Run(ManifestLoader.Parse(yaml, "test.yaml").ToObjectSet());

    private static CheckResult Result(IReadOnlyList<CheckResult> results, string check, string resource) =>
        Assert.Single(results, r => r.CheckId == check && r.ResourceId == resource);

    [Fact]
    public void Every_check_has_metadata_and_a_framework_or_a_stated_reason()
    {
        Assert.Equal(KubernetesChecks.All.Count, KubernetesChecks.All.Select(c => c.Metadata.Id).Distinct().Count());
        foreach (var m in KubernetesChecks.All.Select(c => c.Metadata))
        {
            Assert.StartsWith("k8s.", m.Id);
            Assert.NotEmpty(m.Title);
            Assert.NotEmpty(m.Remediation);
            Assert.NotEmpty(m.References);
            Assert.NotEmpty(m.Kinds);
            Assert.True(m.Frameworks.Count > 0 || m.Description.Contains("no security framework", StringComparison.Ordinal), m.Id);
        }
    }

    [Fact]
    public void Workload_checks_judge_the_controller_not_the_pods_it_owns()
    {
        var results = Scan(ClusterYaml.Small);

        var shop = results.Where(r => r.ResourceId == "manifests/web/Deployment/shop" && r.CheckId.StartsWith("k8s.workload.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shop);
        Assert.All(shop, r => Assert.Equal(FindingStatus.Pass, r.Status));
        Assert.DoesNotContain(results, r => r.ResourceId.Contains("/ReplicaSet/", StringComparison.Ordinal));

        var privileged = Result(results, "k8s.workload.privileged", "manifests/legacy/Pod/debug");
        Assert.Equal(FindingStatus.Fail, privileged.Status);
        Assert.Contains("container shell runs privileged", privileged.Message);
        Assert.Contains(privileged.Frameworks, f => f == new FrameworkReference("pss-baseline", "Privileged Containers"));
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.workload.host-pid", "manifests/legacy/Pod/debug").Status);
        Assert.Contains("untagged image busybox", Result(results, "k8s.workload.image-tag", "manifests/legacy/Pod/debug").Message);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.workload.service-account-token", "manifests/legacy/Pod/debug").Status);
    }

    [Fact]
    public void Rbac_findings_name_who_can_do_what()
    {
        var results = Scan(ClusterYaml.Small);

        var secrets = Result(results, "k8s.rbac.secrets-read", "manifests/global/ClusterRole/secret-reader");
        Assert.Equal(FindingStatus.Fail, secrets.Status);
        Assert.Contains("get,list on secrets", secrets.Message);
        Assert.Contains("ServiceAccount legacy/ci", secrets.Message);
        Assert.Contains("Group developers", secrets.Message);
        Assert.Contains("ClusterRoleBinding ci-reads-secrets", secrets.Message);

        var admin = Result(results, "k8s.rbac.cluster-admin-binding", "manifests/global/ClusterRoleBinding/ops-admin");
        Assert.Equal(FindingStatus.Fail, admin.Status);
        Assert.Contains("User alice@example.com", admin.Message);
        Assert.Equal(FindingStatus.Pass, Result(results, "k8s.rbac.cluster-admin-binding", "manifests/global/ClusterRoleBinding/ci-reads-secrets").Status);
    }

    [Theory]
    [InlineData("[{kind: Group, name: \"system:masters\"}]", FindingStatus.Pass)]
    [InlineData("[{kind: ServiceAccount, name: deployer, namespace: ci}]", FindingStatus.Fail)]
    public void Cluster_admin_held_only_by_system_identities_passes(string subjects, FindingStatus expected)
    {
        var results = Scan($$"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: admins}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects: {{subjects}}
            """);

        Assert.Equal(expected, Result(results, "k8s.rbac.cluster-admin-binding", "manifests/global/ClusterRoleBinding/admins").Status);
    }

    [Fact]
    public void Escalation_wildcards_exec_and_default_service_account_are_found()
    {
        var results = Scan("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: power, namespace: team}
            rules:
            - {apiGroups: ["rbac.authorization.k8s.io"], resources: [roles], verbs: [bind, escalate]}
            - {apiGroups: [""], resources: [users], verbs: [impersonate]}
            - {apiGroups: [""], resources: ["pods/exec"], verbs: [create]}
            - {apiGroups: ["apps"], resources: ["*"], verbs: ["*"]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: power, namespace: team}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: power}
            subjects: [{kind: ServiceAccount, name: default, namespace: team}]
            """);

        var escalation = Result(results, "k8s.rbac.escalation", "manifests/team/Role/power");
        Assert.Equal(FindingStatus.Fail, escalation.Status);
        Assert.Contains("bind on roles", escalation.Message);
        Assert.Contains("escalate on roles", escalation.Message);
        Assert.Contains("impersonate users", escalation.Message);
        Assert.Contains("ServiceAccount team/default", escalation.Message);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.rbac.pod-exec", "manifests/team/Role/power").Status);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.rbac.wildcards", "manifests/team/Role/power").Status);
        Assert.Contains("create on deployments", Result(results, "k8s.rbac.workload-create", "manifests/team/Role/power").Message);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.rbac.default-service-account", "manifests/team/RoleBinding/power").Status);
    }

    [Fact]
    public void Cis_rbac_items_on_subresources_and_webhooks_are_found()
    {
        var results = Scan("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: monitoring}
            rules:
            - {apiGroups: [""], resources: ["nodes/proxy"], verbs: [get]}
            - {apiGroups: [""], resources: ["serviceaccounts/token"], verbs: [create]}
            - {apiGroups: ["admissionregistration.k8s.io"], resources: [mutatingwebhookconfigurations], verbs: [patch]}
            - {apiGroups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: [update]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules:
            - {apiGroups: [""], resources: [nodes, pods], verbs: [get, list]}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: default, namespace: web}
            """);

        foreach (var (check, grant) in new[] { ("k8s.rbac.node-proxy", "get on nodes/proxy"), ("k8s.rbac.token-create", "create on serviceaccounts/token"),
            ("k8s.rbac.webhook-config", "patch on mutatingwebhookconfigurations"), ("k8s.rbac.csr-approval", "update on certificatesigningrequests/approval") })
        {
            var result = Result(results, check, "manifests/global/ClusterRole/monitoring");
            Assert.Equal(FindingStatus.Fail, result.Status);
            Assert.Contains(grant, result.Message);
            Assert.Equal(FindingStatus.Pass, Result(results, check, "manifests/global/ClusterRole/reader").Status);
        }

        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.serviceaccount.default-automount", "manifests/web/ServiceAccount/default").Status);
    }

    [Fact]
    public void Network_checks_find_open_namespaces_exposed_services_and_plain_ingresses()
    {
        var results = Scan(ClusterYaml.Small + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: web}
            spec:
              rules: [{host: shop.example.com}]
            """);

        Assert.Equal(FindingStatus.Pass, Result(results, "k8s.network.namespace-without-policy", "manifests/global/Namespace/web").Status);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.network.namespace-without-policy", "manifests/global/Namespace/legacy").Status);
        Assert.Equal(FindingStatus.Pass, Result(results, "k8s.network.workload-not-isolated", "manifests/web/Deployment/shop").Status);
        Assert.Contains("ingress or egress", Result(results, "k8s.network.workload-not-isolated", "manifests/legacy/Pod/debug").Message);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.network.load-balancer-service", "manifests/web/Service/shop").Status);
        Assert.Contains("shop.example.com", Result(results, "k8s.network.ingress-without-tls", "manifests/web/Ingress/shop").Message);
        Assert.Equal(FindingStatus.Pass, Result(results, "k8s.namespace.pod-security-admission", "manifests/global/Namespace/web").Status);
        Assert.Equal(FindingStatus.Fail, Result(results, "k8s.namespace.pod-security-admission", "manifests/global/Namespace/legacy").Status);
    }

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("nginx:latest", true)]
    [InlineData("registry.local:5000/team/app", true)]
    [InlineData("registry.local:5000/team/app:2.1", false)]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    public void Image_tags(string image, bool problem) =>
        Assert.Equal(problem, Kubernetes.Checks.Workloads.WorkloadChecks.ImageProblem(image) is not null);

    [Fact]
    public void A_forbidden_list_in_a_snapshot_makes_checks_report_not_authorized_never_pass()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small, forbidden: ["pods", "clusterrolebindings.rbac.authorization.k8s.io"]);
        var collector = new KubernetesCollector(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.Endpoint.ToString() }), "prod");
        var documents = collector.ReadDocuments().ToList();

        var set = Assert.Single(SnapshotObjects.Read(documents, collector.Gaps));
        var results = KubernetesCheckEngine.Run(set);

        var privileged = Assert.Single(results, r => r.CheckId == "k8s.workload.privileged" && r.Status != FindingStatus.Pass);
        Assert.Equal(FindingStatus.NotAuthorized, privileged.Status);
        Assert.Equal("prod/global/Pod/*", privileged.ResourceId);
        Assert.Contains("list pods", privileged.Message);
        Assert.Contains(results, r => r.CheckId == "k8s.rbac.cluster-admin-binding" && r.Status == FindingStatus.NotAuthorized && r.Message.Contains("list clusterrolebindings.rbac.authorization.k8s.io", StringComparison.Ordinal));
        // What was readable is still judged: the deployment, and the Role/ClusterRole rules.
        Assert.Contains(results, r => r.ResourceId == "prod/web/Deployment/shop" && r.CheckId == "k8s.workload.privileged" && r.Status == FindingStatus.Pass);
        using var evidence = JsonDocument.Parse(privileged.Evidence);
        Assert.Equal("list pods", evidence.RootElement.GetProperty("permission").GetString());
    }

    [Fact]
    public void Snapshot_and_manifest_scans_of_the_same_objects_agree()
    {
        using var api = new FakeKubernetesApi(ClusterYaml.Small);
        var collector = new KubernetesCollector(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.Endpoint.ToString() }), "manifests");
        var fromCluster = KubernetesCheckEngine.Run(Assert.Single(SnapshotObjects.Read(collector.ReadDocuments().ToList(), collector.Gaps)));
        var fromFiles = Scan(ClusterYaml.Small);

        static IEnumerable<string> Key(IEnumerable<CheckResult> r) => r.Select(x => $"{x.CheckId} {x.ResourceId} {x.Status}").Order(StringComparer.Ordinal);
        Assert.Equal(Key(fromFiles), Key(fromCluster));
    }
}
