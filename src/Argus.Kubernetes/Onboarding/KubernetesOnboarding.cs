using System.Text;
using System.Text.RegularExpressions;
using Argus.Core.Permissions;
using Argus.Kubernetes.Permissions;

namespace Argus.Kubernetes.Onboarding;

/// <summary>
/// The RBAC manifests Argus needs, generated from <see cref="KubernetesPermissionCatalog"/>: a service account, a
/// ClusterRole granting get/list/watch on each collected resource by name (RBAC has no "all but Secrets", so the
/// resources are listed and Secrets are simply absent), its binding, and a scan namespace with a Role limited to
/// batch jobs there. For EKS, the access entry (AmazonEKSViewPolicy) or aws-auth mapping for Argus's IAM role.
/// </summary>
public static partial class KubernetesOnboarding
{
    public const string ClusterRoleName = "argus-reader";
    public const string ReadersGroup = "argus-readers";
    public const string ViewPolicyArn = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

    /// <exception cref="ArgumentException">A name is not a valid Kubernetes name, or the EKS options are incomplete.</exception>
    public static string Manifests(OnboardingOptions options)
    {
        foreach (var name in new[] { options.Namespace, options.ServiceAccount, options.ScanNamespace })
        {
            if (!DnsLabel().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a valid Kubernetes name (lower-case letters, digits and '-', at most 63)");
            }
        }

        var catalog = KubernetesPermissionCatalog.Instance;
        var text = new StringBuilder();
        text.Append("# Argus read-only access, generated from Argus's permission catalog ('argus permissions --provider k8s').\n");
        text.Append("# Secrets and ConfigMaps are deliberately absent: Argus reads configuration metadata, never their data.\n");
        Namespace(text, options.Namespace, "restricted");
        Document(text, $"""
            # Argus running in the cluster sets automountServiceAccountToken: true in its own pod spec; from outside,
            # 'kubectl create token {options.ServiceAccount} -n {options.Namespace}' issues a short-lived token.
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: {options.ServiceAccount}
              namespace: {options.Namespace}
              labels:
                app.kubernetes.io/managed-by: argus
            automountServiceAccountToken: false
            """);
        var rules = new StringBuilder();
        foreach (var group in catalog.Collected.GroupBy(r => r.Group))
        {
            rules.Append($"- apiGroups: [\"{group.Key}\"]\n");
            rules.Append($"  resources: [{string.Join(", ", group.Select(r => r.Plural).Distinct())}]\n");
            rules.Append($"  verbs: [{string.Join(", ", KubernetesPermissionCatalog.ReadVerbs)}]\n");
        }

        Document(text, $"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: {ClusterRoleName}
              labels:
                app.kubernetes.io/managed-by: argus
            rules:
            {rules.ToString().TrimEnd()}
            """);
        Binding(text, "ClusterRoleBinding", ClusterRoleName, null, "ClusterRole", ClusterRoleName, options);
        var jobs = catalog.Resources.Single(r => !r.Collected && r.Kind == "Job");
        Namespace(text, options.ScanNamespace, "baseline");
        Document(text, $"""
            # {jobs.Justification}
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: argus-scan-jobs
              namespace: {options.ScanNamespace}
              labels:
                app.kubernetes.io/managed-by: argus
            rules:
            - apiGroups: ["{jobs.Group}"]
              resources: [{jobs.Plural}]
              verbs: [{string.Join(", ", jobs.Verbs)}]
            """);
        Binding(text, "RoleBinding", "argus-scan-jobs", options.ScanNamespace, "Role", "argus-scan-jobs", options);
        if (options.EksCluster is not null)
        {
            text.Append(Eks(options));
        }

        return text.ToString();
    }

    private static string Eks(OnboardingOptions options)
    {
        var principal = options.EksPrincipalArn
            ?? throw new ArgumentException("--eks-cluster needs --eks-principal-arn: the IAM role Argus runs as");
        if (!RoleArn().IsMatch(principal))
        {
            throw new ArgumentException($"'{principal}' is not an IAM role ARN (arn:aws:iam::123456789012:role/name)");
        }

        var cluster = options.EksCluster!;
        if (options.UseAwsAuth)
        {
            // aws-auth is edited, not replaced: print the entry to add under mapRoles, and the binding to view.
            return $"""
                # EKS ({cluster}), aws-auth ConfigMap: add this entry under data.mapRoles of kube-system/aws-auth
                # (kubectl edit -n kube-system configmap aws-auth); do not replace the existing entries.
                #
                #   - rolearn: {principal}
                #     username: argus
                #     groups:
                #       - {ReadersGroup}
                #
                # The group gets the argus-reader ClusterRole above, and the built-in 'view' ClusterRole below.
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: argus-view
                  labels:
                    app.kubernetes.io/managed-by: argus
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: view
                subjects:
                - kind: Group
                  name: {ReadersGroup}
                  apiGroup: rbac.authorization.k8s.io

                """;
        }

        return $"""
            # EKS ({cluster}), access entry: run these with AWS credentials allowed to manage the cluster's access.
            # AmazonEKSViewPolicy is EKS's read-only policy (no Secrets); the kubernetes group adds argus-reader's
            # RBAC resources (roles, bindings, nodes, webhooks) that the view policy leaves out.
            #
            #   aws eks create-access-entry --cluster-name {cluster} --principal-arn {principal} --kubernetes-groups {ReadersGroup}
            #   aws eks associate-access-policy --cluster-name {cluster} --principal-arn {principal} \
            #     --policy-arn {ViewPolicyArn} --access-scope type=cluster

            """;
    }

    private static void Namespace(StringBuilder text, string name, string podSecurity) => Document(text, $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
          labels:
            app.kubernetes.io/managed-by: argus
            pod-security.kubernetes.io/enforce: {podSecurity}
        """);

    /// <summary>A binding of a role to the Argus service account and the <see cref="ReadersGroup"/> group (EKS principals).</summary>
    private static void Binding(StringBuilder text, string kind, string name, string? ns, string roleKind, string roleName, OnboardingOptions options) => Document(text, $"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: {kind}
        metadata:
          name: {name}{(ns is null ? "" : $"\n  namespace: {ns}")}
          labels:
            app.kubernetes.io/managed-by: argus
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: {roleKind}
          name: {roleName}
        subjects:
        - kind: ServiceAccount
          name: {options.ServiceAccount}
          namespace: {options.Namespace}
        - kind: Group
          name: {ReadersGroup}
          apiGroup: rbac.authorization.k8s.io
        """);

    private static void Document(StringBuilder text, string yaml) => text.Append("---\n").Append(yaml.TrimEnd()).Append('\n');

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArn();
}
