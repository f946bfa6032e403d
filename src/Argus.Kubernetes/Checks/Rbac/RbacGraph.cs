using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>Roles, their rules and who holds them: bindings resolved to subjects.</summary>
public sealed class RbacGraph
{
    private readonly Dictionary<string, List<Grant>> grants = new(StringComparer.Ordinal);

    public RbacGraph(ObjectSet objects)
    {
        foreach (var binding in objects.OfKinds("RoleBinding", "ClusterRoleBinding"))
        {
            if (RoleOf(objects, binding) is not { } role)
            {
                continue;
            }

            if (!grants.TryGetValue(role.Id, out var list))
            {
                grants[role.Id] = list = [];
            }

            list.Add(GrantOf(binding));
        }
    }

    /// <summary>The Role or ClusterRole a binding refers to, when the set holds it.</summary>
    public static KubeObject? RoleOf(ObjectSet objects, KubeObject binding)
    {
        var roleRef = binding.Json.GetObject("roleRef");
        var kind = roleRef?.GetString("kind");
        var name = roleRef?.GetString("name");
        return (kind, name) switch
        {
            ("ClusterRole", { } n) => objects.Find("ClusterRole", Regions.Global, n),
            ("Role", { } n) when binding.Kind == "RoleBinding" => objects.Find("Role", binding.Namespace, n),
            _ => null,
        };
    }

    public static Grant GrantOf(KubeObject binding) => new(
        binding,
        binding.Json.GetArray("subjects").Select(s => new Subject(
            s.GetString("kind") ?? "", s.GetString("name") ?? "", s.GetString("namespace") ?? (s.GetString("kind") == "ServiceAccount" ? binding.Namespace : null))).ToList(),
        binding.Kind == "RoleBinding" ? binding.Namespace : null);

    public static IReadOnlyList<PolicyRule> Rules(KubeObject role) => role.Json.GetArray("rules").Select(PolicyRule.From).ToList();

    /// <summary>The bindings that give <paramref name="role"/> to someone.</summary>
    public IReadOnlyList<Grant> GrantsOf(KubeObject role) => grants.TryGetValue(role.Id, out var list) ? list : [];

    /// <summary>The user-facing ClusterRoles every cluster has (their definitions are Kubernetes', their bindings are the user's).</summary>
    private static readonly HashSet<string> DefaultClusterRoles = new(StringComparer.Ordinal) { "cluster-admin", "admin", "edit", "view" };

    /// <summary>Roles Kubernetes creates and keeps (bootstrap policy, the default user-facing ClusterRoles) and <c>system:</c> roles.</summary>
    public static bool IsBuiltIn(KubeObject role) =>
        role.Label("kubernetes.io/bootstrapping") == "rbac-defaults"
        || role.Name.StartsWith("system:", StringComparison.Ordinal)
        || (role.Kind == "ClusterRole" && DefaultClusterRoles.Contains(role.Name));
}
