using System.Text.Json;
using Argus.Core.Inventory;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Checks.Network;
using Argus.Kubernetes.Checks.Rbac;
using Argus.Kubernetes.Objects;
using Argus.Kubernetes.Permissions;

namespace Argus.Kubernetes.Normalization;

/// <summary>
/// Turns one namespace's (or the cluster-scoped) list answers into assets and relations. Asset ids are the
/// finding resource ids, <c>&lt;cluster&gt;/&lt;namespace&gt;/&lt;Kind&gt;/&lt;name&gt;</c>, so a finding and its asset meet;
/// types are <c>kubernetes.&lt;kind&gt;</c> in kebab case (<c>kubernetes.cluster-role-binding</c>); tags are the
/// labels; properties the object as stored. Relations: namespace contains object, controller contains what it
/// owns, workload uses its service account, pod in node, binding uses its role and is attached to its service
/// account subjects, service targets the pods its selector matches, ingress targets its backend services, pod
/// protected-by the NetworkPolicies that select it.
/// </summary>
public sealed class KubernetesNormalizer : INormalizer
{
    public Provider Provider => Provider.Kubernetes;

    public void Normalize(DocumentGroup group, IInventoryOutput output)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(output);
        var objects = new List<KubeObject>();
        foreach (var document in group.Documents)
        {
            if (KubernetesPermissionCatalog.Instance.ForDocument(document.Service, document.Operation) is not { } resource)
            {
                output.Warn(document, "not a Kubernetes list Argus knows; skipped");
                continue;
            }

            try
            {
                objects.AddRange(SnapshotObjects.Objects(document, resource));
            }
            catch (Core.Import.ImportException e)
            {
                output.Warn(document, e.Message);
            }
        }

        var set = new ObjectSet(group.Key.Account, objects, [], fromManifests: false);
        foreach (var o in objects)
        {
            output.Add(new Asset(o.Id, TypeOf(o.Kind), Provider.Kubernetes, o.Cluster, o.Namespace, o.Name, Labels.Of(o.Metadata), JsonText.Compact(o.Json)));
            Relate(o, set, output);
        }
    }

    /// <summary><c>kubernetes.</c> and the kind in kebab case.</summary>
    public static string TypeOf(string kind) =>
        "kubernetes." + string.Concat(kind.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static void Relate(KubeObject o, ObjectSet set, IInventoryOutput output)
    {
        if (o.Namespace != Regions.Global)
        {
            output.Add(new Relation(Id(o.Cluster, Regions.Global, "Namespace", o.Namespace), o.Id, RelationKinds.Contains));
        }

        foreach (var owner in o.Metadata.GetArray("ownerReferences").Where(r => r.GetBool("controller") == true))
        {
            if (owner.GetString("kind") is { } kind && owner.GetString("name") is { } name)
            {
                output.Add(new Relation(Id(o.Cluster, o.Namespace, kind, name), o.Id, RelationKinds.Contains));
            }
        }

        if (Workload.From(o) is { } workload)
        {
            var account = workload.PodSpec.GetString("serviceAccountName") ?? workload.PodSpec.GetString("serviceAccount") ?? "default";
            output.Add(new Relation(o.Id, Id(o.Cluster, o.Namespace, "ServiceAccount", account), RelationKinds.Uses));
            if (o.Kind == "Pod" && workload.PodSpec.GetString("nodeName") is { } node)
            {
                output.Add(new Relation(o.Id, Id(o.Cluster, Regions.Global, "Node", node), RelationKinds.In));
            }

            foreach (var policy in set.OfKind("NetworkPolicy").Where(p => LabelSelector.Matches(NetworkPolicies.PodSelector(p), workload.Labels)))
            {
                output.Add(new Relation(o.Id, policy.Id, RelationKinds.ProtectedBy));
            }
        }

        switch (o.Kind)
        {
            case "RoleBinding" or "ClusterRoleBinding":
                if (o.Json.GetObject("roleRef") is { } roleRef && roleRef.GetString("kind") is { } roleKind && roleRef.GetString("name") is { } roleName)
                {
                    output.Add(new Relation(o.Id, Id(o.Cluster, roleKind == "ClusterRole" ? Regions.Global : o.Namespace, roleKind, roleName), RelationKinds.Uses));
                }

                foreach (var subject in RbacGraph.GrantOf(o).Subjects.Where(s => s.Kind == "ServiceAccount"))
                {
                    output.Add(new Relation(o.Id, Id(o.Cluster, subject.Namespace ?? o.Namespace, "ServiceAccount", subject.Name), RelationKinds.AttachedTo));
                }

                break;
            case "Service" when o.Spec.GetObject("selector") is { } selector:
                var wanted = selector.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!);
                foreach (var pod in set.OfKind("Pod").Where(p => p.Namespace == o.Namespace && Workload.From(p) is { } w && wanted.All(kv => w.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)))
                {
                    output.Add(new Relation(o.Id, pod.Id, RelationKinds.Targets));
                }

                break;
            case "Ingress":
                foreach (var service in Backends(o.Spec).Distinct(StringComparer.Ordinal))
                {
                    output.Add(new Relation(o.Id, Id(o.Cluster, o.Namespace, "Service", service), RelationKinds.Targets));
                }

                break;
        }
    }

    private static IEnumerable<string> Backends(JsonElement spec)
    {
        if (spec.GetObject("defaultBackend")?.GetObject("service")?.GetString("name") is { } fallback)
        {
            yield return fallback;
        }

        foreach (var path in spec.GetArray("rules").SelectMany(r => (r.GetObject("http") ?? default).GetArray("paths")))
        {
            if (path.GetObject("backend")?.GetObject("service")?.GetString("name") is { } name)
            {
                yield return name;
            }
        }
    }

    private static string Id(string cluster, string ns, string kind, string name) => $"{cluster}/{ns}/{kind}/{name}";
}
