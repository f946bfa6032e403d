using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using static Argus.Kubernetes.Checks.Frameworks;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>
/// Bindings that make someone a cluster administrator: a binding to the cluster-admin ClusterRole, or to any
/// role whose rules allow every verb on every resource of every group. Bindings whose subjects are all
/// Kubernetes' own identities (system:masters and the like) pass.
/// </summary>
public sealed class ClusterAdminBindingCheck : KubernetesCheck
{
    private static readonly string[] AllVerbs = ["get", "list", "watch", "create", "update", "patch", "delete"];

    public override CheckMetadata Metadata { get; } = new(
        "k8s.rbac.cluster-admin-binding", "Bound to cluster-admin", Severity.High, "rbac",
        "A subject bound to cluster-admin (or an equivalent all-powerful role) controls the whole cluster, every Secret included.",
        "Bind the subject to a role with the verbs and resources it needs, in its namespace, and remove the binding.",
        ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
        [CisItem("5.1.1"), Nsa("Role-based access control")],
        ["ClusterRoleBinding", "RoleBinding", "ClusterRole", "Role"]);

    public override IEnumerable<Verdict> Evaluate(ObjectSet objects)
    {
        foreach (var binding in objects.OfKinds("ClusterRoleBinding", "RoleBinding"))
        {
            var grant = RbacGraph.GrantOf(binding);
            var role = RbacGraph.RoleOf(objects, binding);
            var roleName = $"{(role?.Kind ?? "role")} {role?.Name ?? "?"}";
            var isAdmin = IsClusterAdminRef(binding) || (role is not null && RbacGraph.Rules(role).Any(IsEverything));
            var evidence = new { role = roleName, scope = grant.Scope, subjects = grant.Subjects.Select(s => s.ToString()).ToList() };
            if (!isAdmin)
            {
                yield return new Verdict(binding, FindingStatus.Pass, $"{binding.Display} does not grant cluster-admin", evidence);
            }
            else if (grant.Subjects.Count > 0 && grant.Subjects.All(s => s.IsSystem))
            {
                yield return new Verdict(binding, FindingStatus.Pass, $"{binding.Display} grants full control only to Kubernetes' own identities ({string.Join(", ", grant.Subjects)})", evidence);
            }
            else
            {
                yield return new Verdict(binding, FindingStatus.Fail, $"{binding.Display} gives full control ({(IsClusterAdminRef(binding) ? "ClusterRole cluster-admin" : roleName + ", every verb on every resource")}) {grant.Scope} to {(grant.Subjects.Count == 0 ? "no subjects yet" : string.Join(", ", grant.Subjects))}", evidence);
            }
        }
    }

    private static bool IsClusterAdminRef(KubeObject binding) =>
        binding.Json.GetObject("roleRef") is { } r && r.GetString("kind") == "ClusterRole" && r.GetString("name") == "cluster-admin";

    private static bool IsEverything(PolicyRule rule) =>
        rule.ApiGroups.Contains("*") && rule.Resources.Contains("*") && rule.ResourceNames.Count == 0
        && (rule.Verbs.Contains("*") || AllVerbs.All(rule.Verbs.Contains));
}
