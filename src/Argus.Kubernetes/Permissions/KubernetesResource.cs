namespace Argus.Kubernetes.Permissions;

/// <summary>
/// One Kubernetes resource type Argus may touch, declared once: the RBAC rules of the onboarding manifests, the
/// permission listing and the collector all come from these entries.
/// </summary>
/// <param name="Group">The API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">The group version Argus reads, e.g. <c>v1</c>.</param>
/// <param name="Plural">The resource name in URLs and RBAC rules, e.g. <c>pods</c>.</param>
/// <param name="Kind">The object kind, e.g. <c>Pod</c>; list answers are <c>{Kind}List</c>.</param>
/// <param name="Namespaced">True when objects live in a namespace (stored per namespace), false for cluster-scoped ones.</param>
/// <param name="Verbs">The RBAC verbs granted on it, e.g. get, list, watch.</param>
/// <param name="Features">The Argus features that need it.</param>
/// <param name="Justification">Why Argus asks for it, in words a cluster administrator accepts or rejects.</param>
/// <param name="Collected">True when the collector lists it; false for grants that serve another feature (scan jobs).</param>
public sealed record KubernetesResource(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Features,
    string Justification,
    bool Collected = true)
{
    /// <summary>The name Argus stores as the document service: the API group, <c>core</c> for the core group.</summary>
    public string Service => ApiGroups.ServiceName(Group);

    /// <summary><c>v1</c> for the core group, else <c>group/version</c>: the <c>apiVersion</c> of the objects.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The stored document operation, e.g. <c>list pods</c>.</summary>
    public string ListOperation => $"list {Plural}";

    /// <summary>The resource as <c>kubectl auth can-i</c> names it: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The permission action for one verb, e.g. <c>list deployments.apps</c>, as in <c>kubectl auth can-i list deployments.apps</c>.</summary>
    public string Action(string verb) => $"{verb} {QualifiedName}";
}
