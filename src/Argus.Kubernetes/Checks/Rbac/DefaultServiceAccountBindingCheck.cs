using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using static Argus.Kubernetes.Checks.Frameworks;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>Bindings that give rights to a namespace's <c>default</c> service account, which every pod without its own account runs as.</summary>
public sealed class DefaultServiceAccountBindingCheck : KubernetesCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "k8s.rbac.default-service-account", "Default service account has permissions", Severity.Medium, "rbac",
        "Every pod that names no service account runs as its namespace's default account, so rights bound to it reach all of them.",
        "Create a dedicated service account for the workload that needs the rights, bind the role to it, and remove the binding to default.",
        ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"],
        [CisItem("5.1.5"), Nsa("Role-based access control")],
        ["ClusterRoleBinding", "RoleBinding"]);

    public override IEnumerable<Verdict> Evaluate(ObjectSet objects)
    {
        foreach (var binding in objects.OfKinds("ClusterRoleBinding", "RoleBinding"))
        {
            var grant = RbacGraph.GrantOf(binding);
            var defaults = grant.Subjects.Where(s => s.Kind == "ServiceAccount" && s.Name == "default" && !s.IsSystem).ToList();
            var role = binding.Json.GetObject("roleRef") is { } r ? $"{r.GetString("kind")} {r.GetString("name")}" : "?";
            var evidence = new { role, scope = grant.Scope, subjects = defaults.Select(s => s.ToString()).ToList() };
            yield return defaults.Count == 0
                ? new Verdict(binding, FindingStatus.Pass, $"{binding.Display} binds no default service account", evidence)
                : new Verdict(binding, FindingStatus.Fail, $"{binding.Display} gives {role} {grant.Scope} to {string.Join(", ", defaults)}", evidence);
        }
    }
}
