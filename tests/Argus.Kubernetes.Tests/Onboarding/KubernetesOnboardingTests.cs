using Argus.Kubernetes.Manifests;
using Argus.Kubernetes.Onboarding;
using Argus.Kubernetes.Permissions;

namespace Argus.Kubernetes.Tests.Onboarding;

public sealed class KubernetesOnboardingTests
{
    [Fact]
    public void The_cluster_role_grants_exactly_the_collected_resources_read_only()
    {
        var set = ManifestLoader.Parse(KubernetesOnboarding.Manifests(new OnboardingOptions()), "rbac.yaml");

        Assert.Empty(set.Errors);
        var role = Assert.Single(set.Objects, o => o.Kind == "ClusterRole");
        var granted = role.Json.GetProperty("rules").EnumerateArray().SelectMany(rule =>
        {
            Assert.Equal(["get", "list", "watch"], rule.GetProperty("verbs").EnumerateArray().Select(v => v.GetString()));
            var group = rule.GetProperty("apiGroups")[0].GetString()!;
            return rule.GetProperty("resources").EnumerateArray().Select(r => (group, r.GetString()!));
        }).ToHashSet();
        Assert.Equal(KubernetesPermissionCatalog.Instance.Collected.Select(r => (r.Group, r.Plural)).ToHashSet(), granted);
        Assert.Equal(["argus", "argus-scans"], set.Objects.Where(o => o.Kind == "Namespace").Select(o => o.Name));
        Assert.Equal("argus-reader", Assert.Single(set.Objects, o => o.Kind == "ClusterRoleBinding").Name);
        Assert.Equal("argus-scans", Assert.Single(set.Objects, o => o.Kind == "RoleBinding").Namespace);
    }

    [Fact]
    public void Eks_aws_auth_maps_the_role_to_the_readers_group_bound_to_view()
    {
        var text = KubernetesOnboarding.Manifests(new OnboardingOptions(EksCluster: "prod", EksPrincipalArn: "arn:aws:iam::111122223333:role/ArgusReadOnly", UseAwsAuth: true));

        Assert.Contains("rolearn: arn:aws:iam::111122223333:role/ArgusReadOnly", text);
        var view = Assert.Single(ManifestLoader.Parse(text, "rbac.yaml").Objects, o => o.Name == "argus-view");
        Assert.Equal("view", view.Json.GetProperty("roleRef").GetProperty("name").GetString());
        Assert.DoesNotContain("create-access-entry", text);
    }

    [Theory]
    [InlineData("Argus", null)]
    [InlineData("argus", "arn:aws:iam::111122223333:user/bob")]
    public void Bad_names_and_principals_are_refused(string ns, string? principal) =>
        Assert.Throws<ArgumentException>(() => KubernetesOnboarding.Manifests(new OnboardingOptions(Namespace: ns, EksCluster: principal is null ? null : "prod", EksPrincipalArn: principal)));
}
