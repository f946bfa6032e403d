using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Kubernetes.Objects;

/// <summary>An object that runs pods, with the pod template's metadata and spec found wherever its kind keeps them.</summary>
public sealed record Workload(KubeObject Object, JsonElement PodMetadata, JsonElement PodSpec)
{
    private IReadOnlyList<Container>? containers;

    /// <summary>The kinds that carry a pod spec; <c>Pod</c> itself, then the controllers.</summary>
    public static readonly string[] Kinds = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];

    public JsonElement PodSecurityContext => PodSpec.GetObject("securityContext") ?? default;

    /// <summary>Regular, init and ephemeral containers; read once, since every workload check walks them.</summary>
    public IReadOnlyList<Container> Containers => containers ??=
    [
        .. Read("containers", "container"),
        .. Read("initContainers", "initContainer"),
        .. Read("ephemeralContainers", "ephemeralContainer"),
    ];

    /// <summary>The pod annotation <paramref name="key"/>, or null.</summary>
    public string? Annotation(string key) => PodMetadata.GetObject("annotations")?.GetString(key);

    /// <summary>The pod template labels.</summary>
    public IReadOnlyDictionary<string, string> Labels => Objects.Labels.Of(PodMetadata);

    // A container without a name (invalid, but seen in hand-written manifests) is named by its position.
    private IEnumerable<Container> Read(string property, string role) =>
        PodSpec.GetArray(property).Select((c, i) => new Container(c.GetString("name") is { Length: > 0 } name ? name : $"#{i + 1}", role, c));

    /// <summary>The workload view of an object, or null when its kind carries no pod spec (or the spec is missing).</summary>
    public static Workload? From(KubeObject o)
    {
        var template = o.Kind switch
        {
            "Pod" => o.Json,
            "CronJob" => o.Spec.GetObject("jobTemplate")?.GetObject("spec")?.GetObject("template"),
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" => o.Spec.GetObject("template"),
            _ => null,
        };
        return template is { } t && t.GetObject("spec") is { } spec
            ? new Workload(o, t.GetObject("metadata") ?? default, spec)
            : null;
    }

    /// <summary>
    /// The workloads to check: each object with a pod spec, except those a controller in the same set owns (the
    /// pods of a ReplicaSet, the ReplicaSets of a Deployment, the Jobs of a CronJob), whose findings would repeat
    /// their owner's. A pod whose owner is not in the set (an operator's custom resource) is checked itself.
    /// </summary>
    public static IReadOnlyList<Workload> TopLevel(ObjectSet set) => set.Workloads;

    /// <summary>Computes <see cref="TopLevel"/>; <see cref="ObjectSet"/> keeps the answer, as every workload check asks.</summary>
    internal static IEnumerable<Workload> FindTopLevel(ObjectSet set)
    {
        foreach (var o in set.OfKinds(Kinds))
        {
            if (IsOwnedWithin(o, set))
            {
                continue;
            }

            if (From(o) is { } workload)
            {
                yield return workload;
            }
        }
    }

    private static bool IsOwnedWithin(KubeObject o, ObjectSet set) =>
        o.Metadata.GetArray("ownerReferences").Any(owner =>
            owner.GetBool("controller") == true
            && owner.GetString("kind") is { } kind
            && owner.GetString("name") is { } name
            && set.Find(kind, o.Namespace, name) is not null);
}
