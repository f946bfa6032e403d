using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>A role given to subjects by one binding, cluster-wide (ClusterRoleBinding) or in one namespace (RoleBinding).</summary>
public sealed record Grant(KubeObject Binding, IReadOnlyList<Subject> Subjects, string? Namespace)
{
    public string Scope => Namespace is null ? "cluster-wide" : $"in namespace {Namespace}";

    /// <summary><c>Group devs, User bob (in namespace web via RoleBinding web/devs)</c>.</summary>
    public override string ToString() =>
        $"{(Subjects.Count == 0 ? "no subjects" : string.Join(", ", Subjects))} ({Scope} via {Binding.Kind} {(Namespace is null ? "" : Namespace + "/")}{Binding.Name})";
}
