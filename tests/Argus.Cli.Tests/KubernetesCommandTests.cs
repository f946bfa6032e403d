using System.Text.Json;
using Argus.Kubernetes.Checks;
using Argus.Kubernetes.Manifests;
using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class KubernetesCommandTests
{
    private static string Kubeconfig(CliRun cli, Uri server)
    {
        var path = Path.Combine(cli.Folder, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster: {"{"}server: "{server.ToString().TrimEnd('/')}"{"}"}
            contexts:
            - name: staging
              context: {"{"}cluster: fake, user: reader{"}"}
            current-context: staging
            users:
            - name: reader
              user: {"{"}token: not-a-real-token{"}"}
            """);
        return path;
    }

    [Fact]
    public void Collect_then_scan_records_findings_and_fail_on_sets_the_exit_code()
    {
        using var cli = new CliRun();
        using var api = new FakeKubernetesApi(ClusterYaml.Small, forbidden: ["nodes"]);

        var (code, output, error) = cli.Run("collect", "k8s", "--kubeconfig", Kubeconfig(cli, api.Endpoint));

        Assert.True(code == 0, error);
        Assert.Contains("list nodes", output + error);
        Assert.DoesNotContain(api.Requests, r => r.Contains("/secrets", StringComparison.Ordinal));

        (code, output, error) = cli.Run("scan", "k8s");
        Assert.True(code == 0, error);
        Assert.Contains("cluster staging", output);
        Assert.Contains("k8s.workload.privileged", output);
        Assert.Contains("staging/legacy/Pod/debug", output);
        Assert.Contains("new", error);

        (code, output, _) = cli.Run("scan", "k8s", "--fail-on", "critical", "--format", "json");
        Assert.Equal(5, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("check").GetString() == "k8s.rbac.secrets-read" && r.GetProperty("status").GetString() == "fail");
    }

    [Fact]
    public void Manifest_scan_reports_bad_yaml_with_its_line_and_still_scans_the_rest()
    {
        using var cli = new CliRun();
        var folder = Path.Combine(cli.Folder, "deploy");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cluster.yaml"), ClusterYaml.Small);
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n");

        var (code, output, error) = cli.Run("k8s", "scan", "--manifests", folder);

        Assert.Equal(2, code);
        Assert.Contains("broken.yaml:5:", error);
        Assert.Contains("cluster.yaml:", output);
        Assert.Contains("Pod legacy/debug: container shell runs privileged", output);

        (code, output, _) = cli.Run("k8s", "scan", "-m", Path.Combine(folder, "cluster.yaml"), "--format", "sarif", "--fail-on", "high");
        Assert.Equal(5, code);
        using var sarif = JsonDocument.Parse(output);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var privileged = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "k8s.workload.privileged");
        var location = privileged.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("cluster.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 1);
    }

    [Fact]
    public void Onboarding_grants_read_on_the_catalog_and_nothing_on_secrets()
    {
        using var cli = new CliRun();

        var (code, output, error) = cli.Run("onboarding", "k8s", "--eks-cluster", "prod", "--eks-principal-arn", "arn:aws:iam::111122223333:role/ArgusReadOnly");

        Assert.True(code == 0, error);
        var set = ManifestLoader.Parse(output, "onboarding.yaml");
        Assert.Empty(set.Errors);
        var role = Assert.Single(set.Objects, o => o.Kind == "ClusterRole");
        var resources = role.Json.GetProperty("rules").EnumerateArray().SelectMany(r => r.GetProperty("resources").EnumerateArray()).Select(r => r.GetString()).ToList();
        Assert.Contains("pods", resources);
        Assert.Contains("clusterrolebindings", resources);
        Assert.DoesNotContain("secrets", resources);
        Assert.DoesNotContain("configmaps", resources);
        Assert.DoesNotContain("*", resources);
        var jobs = Assert.Single(set.Objects, o => o.Kind == "Role");
        Assert.Equal("argus-scans", jobs.Namespace);
        Assert.Contains("AmazonEKSViewPolicy", output);
        // Argus's own RBAC, judged by Argus: the one risk is the scan-job Role's create on jobs, confined to argus-scans.
        var results = KubernetesCheckEngine.Run(set.ToObjectSet());
        var failed = Assert.Single(results, r => r.CheckId.StartsWith("k8s.rbac.", StringComparison.Ordinal) && r.Status == Core.Model.FindingStatus.Fail);
        Assert.Equal(("k8s.rbac.workload-create", "manifests/argus-scans/Role/argus-scan-jobs"), (failed.CheckId, failed.ResourceId));

        (code, _, error) = cli.Run("onboarding", "k8s", "--eks-cluster", "prod");
        Assert.NotEqual(0, code);
        Assert.Contains("--eks-principal-arn", error);
    }

    [Fact]
    public void Permissions_lists_kubernetes_resources_and_verbs()
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run("permissions", "--provider", "k8s", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var pods = Assert.Single(json.RootElement.EnumerateArray(), r => r.GetProperty("resource").GetString() == "pods");
        Assert.Equal(["get", "list", "watch"], pods.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()));
        Assert.DoesNotContain(json.RootElement.EnumerateArray(), r => r.GetProperty("resource").GetString() is "secrets" or "configmaps");
    }
}
