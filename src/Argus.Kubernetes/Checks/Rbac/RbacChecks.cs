using Argus.Core.Model;
using static Argus.Kubernetes.Checks.Frameworks;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>RBAC checks: who is cluster-admin, and which roles grant the rights that lead to it.</summary>
public static class RbacChecks
{
    private const string GoodPractices = "https://kubernetes.io/docs/concepts/security/rbac-good-practices/";
    private static readonly string[] RoleKinds = ["ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"];
    private static readonly string[] WorkloadResources = ["pods", "deployments", "statefulsets", "daemonsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"];

    public static IReadOnlyList<KubernetesCheck> All { get; } =
    [
        new ClusterAdminBindingCheck(),
        new RoleRuleCheck(
            Meta("k8s.rbac.wildcards", "Wildcard verbs or resources", Severity.Medium,
                "A * in verbs or resources grants everything that exists now and every resource or verb added later.",
                "List the verbs and resources the subject needs instead of *.",
                [CisItem("5.1.3"), Nsa("Role-based access control")]),
            r => (r.Verbs.Contains("*"), r.Resources.Contains("*")) switch
            {
                (true, true) => "every verb on every resource (*)",
                (true, false) => $"every verb (*) on {string.Join(",", r.Resources)}",
                (false, true) => $"{string.Join(",", r.Verbs)} on every resource (*)",
                _ => null,
            }),
        new RoleRuleCheck(
            Meta("k8s.rbac.secrets-read", "Read access to Secrets", Severity.High,
                "get, list or watch on secrets reveals every password, key and service account token they hold; list returns their contents too.",
                "Remove secrets from the role, or limit it with resourceNames to the Secrets the program reads.",
                [CisItem("5.1.2"), Nsa("Role-based access control")]),
            r => r.AllowedVerbs("", "secrets", "get", "list", "watch") is { Count: > 0 } verbs ? $"{string.Join(",", verbs)} on secrets{Named(r)}" : null),
        new RoleRuleCheck(
            Meta("k8s.rbac.pod-exec", "Exec, attach or port-forward into pods", Severity.High,
                "pods/exec, pods/attach and pods/portforward run commands in or connect to running containers, with their tokens and data.",
                "Remove pods/exec, pods/attach and pods/portforward from roles outside break-glass administration.",
                [Nsa("Role-based access control")]),
            r => new[] { "pods/exec", "pods/attach", "pods/portforward" }
                .Where(sub => r.AllowedVerbs("", sub, "create", "get").Count > 0).ToList() is { Count: > 0 } subs ? $"create/get on {string.Join(",", subs)}" : null),
        new RoleRuleCheck(
            Meta("k8s.rbac.escalation", "Escalate, bind or impersonate", Severity.High,
                "escalate and bind let a subject grant itself rights it lacks; impersonate lets it act as any user, group or service account.",
                "Remove escalate, bind and impersonate (and * verbs on RBAC resources, users, groups and service accounts).",
                [CisItem("5.1.8"), Nsa("Role-based access control")]),
            r => Escalations(r) is { Count: > 0 } found ? string.Join(", ", found) : null),
        new RoleRuleCheck(
            Meta("k8s.rbac.workload-create", "Create pods or workloads", Severity.Medium,
                "Creating a pod, or a controller that creates one, lets a subject run any image as any service account of the namespace and mount its Secrets: a path to those accounts' rights.",
                "Grant create on pods and workload controllers only to deployment pipelines, scoped to their namespaces.",
                [CisItem("5.1.4"), Nsa("Role-based access control")]),
            r => WorkloadResources.Where(res => r.Allows(res is "pods" or "replicationcontrollers" ? "" : res is "jobs" or "cronjobs" ? "batch" : "apps", res, "create")).ToList() is { Count: > 0 } created
                ? $"create on {string.Join(",", created)}"
                : null),
        new DefaultServiceAccountBindingCheck(),
        new DefaultServiceAccountTokenCheck(),
        Grants("k8s.rbac.persistent-volume-create", "Create persistent volumes", Severity.Medium,
            "A PersistentVolume can be a hostPath on a node: whoever creates one can mount node directories through a claim.",
            "Leave create on persistentvolumes to the storage provisioners.", "5.1.9", "", "persistentvolumes", "create"),
        Grants("k8s.rbac.node-proxy", "Access to nodes/proxy", Severity.High,
            "nodes/proxy reaches the kubelet API directly: it runs commands in any pod on the node, past audit logging and admission.",
            "Remove nodes/proxy from roles; monitoring agents need only nodes/metrics or nodes/stats.", "5.1.10", "", "nodes/proxy", "get", "create"),
        Grants("k8s.rbac.csr-approval", "Approve certificate signing requests", Severity.High,
            "Approving CSRs lets a subject issue itself client certificates for any user, system:masters included.",
            "Leave certificatesigningrequests/approval to the controller manager and administrators.", "5.1.11", "certificates.k8s.io", "certificatesigningrequests/approval", "update", "patch"),
        Grants("k8s.rbac.webhook-config", "Change admission webhooks", Severity.High,
            "Whoever can change admission webhook configurations can disable policy enforcement or see and rewrite every object created.",
            "Grant create, update, patch and delete on webhook configurations only to the controllers that own them.", "5.1.12", "admissionregistration.k8s.io", "validatingwebhookconfigurations|mutatingwebhookconfigurations", "create", "update", "patch", "delete"),
        Grants("k8s.rbac.token-create", "Create service account tokens", Severity.High,
            "create on serviceaccounts/token mints API tokens for any service account in scope, and so takes its rights.",
            "Remove create on serviceaccounts/token outside the components that issue tokens.", "5.1.13", "", "serviceaccounts/token", "create"),
    ];

    /// <summary>A role check for verbs on one or more resources (<c>a|b</c>) of one group, mapped to one CIS item.</summary>
    private static RoleRuleCheck Grants(string id, string title, Severity severity, string description, string remediation, string cis, string group, string resources, params string[] verbs) =>
        new(Meta(id, title, severity, description, remediation, [CisItem(cis), Nsa("Role-based access control")]),
            r => resources.Split('|').SelectMany(res => r.AllowedVerbs(group, res, verbs).Select(v => $"{v} on {res}")).ToList() is { Count: > 0 } found
                ? string.Join(", ", found)
                : null);

    private static CheckMetadata Meta(string id, string title, Severity severity, string description, string remediation, FrameworkReference[] frameworks) =>
        new(id, title, severity, "rbac", description, remediation, [GoodPractices], frameworks, RoleKinds);

    private static string Named(PolicyRule rule) => rule.ResourceNames.Count > 0 ? $" (only {string.Join(",", rule.ResourceNames)})" : "";

    private static List<string> Escalations(PolicyRule rule)
    {
        var found = new List<string>();
        foreach (var resource in new[] { "roles", "clusterroles" })
        {
            found.AddRange(rule.AllowedVerbs("rbac.authorization.k8s.io", resource, "escalate", "bind").Select(v => $"{v} on {resource}"));
        }

        foreach (var (group, resource) in new[] { ("", "users"), ("", "groups"), ("", "serviceaccounts"), ("authentication.k8s.io", "userextras/scopes") })
        {
            if (rule.Allows(group, resource, "impersonate"))
            {
                found.Add($"impersonate {resource}");
            }
        }

        return found.Distinct().ToList();
    }
}
