namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>Who a binding grants a role to: a User, Group or ServiceAccount (with its namespace).</summary>
public sealed record Subject(string Kind, string Name, string? Namespace)
{
    /// <summary>
    /// Kubernetes' own identities (<c>system:</c> users and groups, service accounts of kube-system): built-in
    /// roles bound only to these are the cluster's machinery, not a finding.
    /// </summary>
    public bool IsSystem => Name.StartsWith("system:", StringComparison.Ordinal) || (Kind == "ServiceAccount" && Namespace == "kube-system");

    public override string ToString() => Kind == "ServiceAccount" ? $"ServiceAccount {Namespace}/{Name}" : $"{Kind} {Name}";
}
