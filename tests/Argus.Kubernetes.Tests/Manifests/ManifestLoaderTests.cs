using Argus.Core.Model;
using Argus.Kubernetes.Manifests;
using Argus.Tests;

namespace Argus.Kubernetes.Tests.Manifests;

public sealed class ManifestLoaderTests
{
    [Fact]
    public void Bad_yaml_names_the_file_and_line_and_the_other_files_are_still_read()
    {
        var folder = TestPaths.NewTempFolder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "a-good.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: c, image: nginx:1}]}\n");
            File.WriteAllText(Path.Combine(folder, "b-bad.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: first}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");
            Directory.CreateDirectory(Path.Combine(folder, "sub"));
            File.WriteAllText(Path.Combine(folder, "sub", "c.yml"), "apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: x}\n");
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not yaml: [");

            var set = ManifestLoader.Load(folder);

            var error = Assert.Single(set.Errors);
            Assert.EndsWith("b-bad.yaml", error.Path);
            Assert.Equal(9, error.Line);
            Assert.Contains("b-bad.yaml:9:", error.Message);
            Assert.Equal(["Pod/ok", "Pod/first", "Service/svc"], set.Objects.Select(o => $"{o.Kind}/{o.Name}"));
            Assert.Equal(3, set.Files.Count);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Reads_lists_helm_output_and_kubernetes_scalars()
    {
        var set = ManifestLoader.Parse("""
            ---
            # Source: shop/templates/deployment.yaml
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: a, namespace: web}
              spec:
                hostNetwork: yes
                containers: [{name: c, image: "nginx:1", ports: [{containerPort: 80}]}]
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata: {name: r}
            ---
            # Source: shop/templates/empty.yaml
            ---
            just: values
            """, "helm.yaml");

        Assert.Empty(set.Errors);
        Assert.Equal(["web/Pod/a", "global/ClusterRole/r"], set.Objects.Select(o => $"{o.Namespace}/{o.Kind}/{o.Name}"));
        var spec = set.Objects[0].Spec;
        Assert.Equal(System.Text.Json.JsonValueKind.True, spec.GetProperty("hostNetwork").ValueKind);
        Assert.Equal(80, spec.GetProperty("containers")[0].GetProperty("ports")[0].GetProperty("containerPort").GetInt32());
        Assert.Equal("nginx:1", spec.GetProperty("containers")[0].GetProperty("image").GetString());
        Assert.Single(set.Notices);
        Assert.Equal(Regions.Global, set.Objects[1].Namespace);
    }

    [Fact]
    public void A_missing_path_is_an_import_error()
    {
        var e = Assert.Throws<Argus.Core.Import.ImportException>(() => ManifestLoader.Load("/nonexistent/argus-manifests"));
        Assert.Contains("no such file or folder", e.Message);
    }
}
