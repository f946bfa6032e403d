using System.Collections.Frozen;
using Argus.Core.Model;
using Argus.Core.Permissions;
using F = Argus.Core.Permissions.Features;

namespace Argus.Kubernetes.Permissions;

/// <summary>
/// Every Kubernetes resource and verb Argus may use, with the features that need it and why. Secrets are not
/// here, so no RBAC rule, no onboarding manifest and no request of Argus's can touch them; ConfigMaps are not
/// here either, because in practice they hold passwords and keys as often as configuration, and Argus reads
/// metadata, never data.
/// </summary>
public sealed class KubernetesPermissionCatalog : IPermissionCatalog
{
    /// <summary>The verbs the reader role grants on every collected resource; Argus itself only calls list.</summary>
    public static readonly IReadOnlyList<string> ReadVerbs = ["get", "list", "watch"];

    private static readonly string[] Workloads = [F.Inventory, F.Posture];
    private static readonly string[] Identity = [F.Inventory, F.Posture];
    private static readonly string[] Network = [F.Inventory, F.Posture, F.NetworkTopology, F.NetworkPolicy];

    private readonly FrozenDictionary<string, Permission> byAction;

    private KubernetesPermissionCatalog(IReadOnlyList<KubernetesResource> resources)
    {
        Resources = resources;
        All = resources.SelectMany(r => r.Verbs.Select(v => new Permission(
            Provider.Kubernetes,
            r.Action(v),
            v is "get" or "list" or "watch" ? AccessLevel.Read : AccessLevel.Write,
            r.Features,
            r.Justification,
            Required: r.Collected))).ToList();
        // jobs.batch is declared twice (read everywhere, create/delete in argus-scans): the read entry answers Find.
        byAction = All.GroupBy(p => p.Action, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog, built once.</summary>
    public static KubernetesPermissionCatalog Instance { get; } = new(
    [
        Read("", "v1", "namespaces", "Namespace", false, Workloads, "Lists namespaces with their Pod Security admission labels, and to know which namespaces no NetworkPolicy protects"),
        Read("", "v1", "nodes", "Node", false, Workloads, "Reads node versions, addresses and conditions for the inventory (node names, kubelet and OS versions)"),
        Read("", "v1", "pods", "Pod", true, Workloads, "Reads pod specs (security contexts, host namespaces, volumes, images, probes) to check workload hardening; never logs or exec"),
        Read("", "v1", "replicationcontrollers", "ReplicationController", true, Workloads, "Reads the pod templates of legacy replication controllers, checked like Deployments"),
        Read("", "v1", "services", "Service", true, Network, "Reads service types and ports to find LoadBalancer and NodePort services exposed outside the cluster"),
        Read("", "v1", "serviceaccounts", "ServiceAccount", true, Identity, "Reads service accounts and their token automount setting; the tokens themselves are Secrets and never read"),
        Read("apps", "v1", "deployments", "Deployment", true, Workloads, "Reads deployment pod templates to check workload hardening before pods are created"),
        Read("apps", "v1", "statefulsets", "StatefulSet", true, Workloads, "Reads stateful set pod templates to check workload hardening"),
        Read("apps", "v1", "daemonsets", "DaemonSet", true, Workloads, "Reads daemon set pod templates; daemon sets often run privileged on every node"),
        Read("apps", "v1", "replicasets", "ReplicaSet", true, Workloads, "Reads replica sets to attribute pods to their Deployment and check stand-alone replica sets"),
        Read("batch", "v1", "jobs", "Job", true, Workloads, "Reads job pod templates to check workload hardening"),
        Read("batch", "v1", "cronjobs", "CronJob", true, Workloads, "Reads cron job pod templates to check workload hardening"),
        Read("networking.k8s.io", "v1", "ingresses", "Ingress", true, Network, "Reads ingress hosts and TLS settings to find HTTP entry points without TLS"),
        Read("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, Network, "Reads network policies to find namespaces and pods no policy isolates"),
        Read("rbac.authorization.k8s.io", "v1", "roles", "Role", true, Identity, "Reads namespaced RBAC rules to find who can read secrets, exec into pods or escalate"),
        Read("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, Identity, "Reads role bindings to resolve which users, groups and service accounts hold each role"),
        Read("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, Identity, "Reads cluster-wide RBAC rules (wildcards, secrets, escalate, bind, impersonate)"),
        Read("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, Identity, "Reads cluster role bindings to find who is bound to cluster-admin and other powerful roles"),
        Read("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, [F.Inventory], "Reads storage classes (provisioner, encryption parameters) for the inventory"),
        Read("storage.k8s.io", "v1", "volumeattachments", "VolumeAttachment", false, [F.Inventory], "Reads which volumes are attached to which nodes for the inventory"),
        Read("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, [F.Inventory, F.Posture], "Reads validating admission webhooks, which see every object created and can enforce or bypass policy"),
        Read("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, [F.Inventory, F.Posture], "Reads mutating admission webhooks, which can change any object created in the cluster"),
        new("batch", "v1", "jobs", "Job", true, ["create", "delete", "get", "list", "watch"], [F.Images],
            "Only in the argus-scans namespace: runs and removes the short-lived jobs that scan container images inside the cluster; granted by a Role there, never cluster-wide",
            Collected: false),
    ]);

    /// <summary>Every declared resource, collected ones and the scan-job grant.</summary>
    public IReadOnlyList<KubernetesResource> Resources { get; }

    /// <summary>The resources the collector lists, in collection order (namespaces first, to split answers per namespace).</summary>
    public IEnumerable<KubernetesResource> Collected => Resources.Where(r => r.Collected);

    /// <inheritdoc/>
    public IReadOnlyList<Permission> All { get; }

    /// <inheritdoc/>
    public Permission? Find(Provider provider, string action) =>
        provider == Provider.Kubernetes && byAction.TryGetValue(action, out var permission) ? permission : null;

    /// <summary>The collected resource whose objects have this kind, or null.</summary>
    public KubernetesResource? ForKind(string kind) => Collected.FirstOrDefault(r => r.Kind == kind);

    /// <summary>The collected resource a stored document came from (service and operation), or null.</summary>
    public KubernetesResource? ForDocument(string service, string operation) =>
        Collected.FirstOrDefault(r => r.Service == service && r.ListOperation == operation);

    /// <summary>
    /// Throws unless the catalog declares <paramref name="verb"/> on the resource: the guard every request passes.
    /// </summary>
    /// <exception cref="PermissionDeniedByCatalogException">The verb is not declared (a programming error).</exception>
    public void Demand(string verb, string group, string plural)
    {
        var action = $"{verb} {(group.Length == 0 ? plural : $"{plural}.{group}")}";
        if (Find(Provider.Kubernetes, action) is null)
        {
            throw new PermissionDeniedByCatalogException(action);
        }
    }

    private static KubernetesResource Read(string group, string version, string plural, string kind, bool namespaced, string[] features, string why) =>
        new(group, version, plural, kind, namespaced, ReadVerbs, features, why);
}
