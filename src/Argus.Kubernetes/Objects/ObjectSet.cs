using Argus.Core.Model;

namespace Argus.Kubernetes.Objects;

/// <summary>
/// The objects of one cluster (or one manifest set) that checks run on, indexed by kind, with the coverage gaps
/// that say which kinds could not be read.
/// </summary>
public sealed class ObjectSet
{
    private readonly Dictionary<string, List<KubeObject>> byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Namespace, string Name), KubeObject> byName = [];
    private IReadOnlyList<Workload>? workloads;

    /// <param name="fromManifests">True for files: a kind absent from them was not forbidden, it was simply not written.</param>
    public ObjectSet(string cluster, IEnumerable<KubeObject> objects, IReadOnlyList<CoverageGap> gaps, bool fromManifests)
    {
        Cluster = cluster;
        Gaps = gaps;
        FromManifests = fromManifests;
        foreach (var o in objects)
        {
            if (!byKind.TryGetValue(o.Kind, out var list))
            {
                byKind[o.Kind] = list = [];
            }

            list.Add(o);
            byName.TryAdd((o.Kind, o.Namespace, o.Name), o);
        }
    }

    public string Cluster { get; }

    public IReadOnlyList<CoverageGap> Gaps { get; }

    public bool FromManifests { get; }

    public int Count => byName.Count;

    /// <summary>The top-level workloads (<see cref="Workload.TopLevel"/>), found once.</summary>
    public IReadOnlyList<Workload> Workloads => workloads ??= Workload.FindTopLevel(this).ToList();

    public IReadOnlyList<KubeObject> OfKind(string kind) => byKind.TryGetValue(kind, out var list) ? list : [];

    public IEnumerable<KubeObject> OfKinds(params string[] kinds) => kinds.SelectMany(OfKind);

    public KubeObject? Find(string kind, string @namespace, string name) =>
        byName.TryGetValue((kind, @namespace, name), out var o) ? o : null;

    /// <summary>Namespaces known from Namespace objects or from any namespaced object.</summary>
    public IEnumerable<string> Namespaces() =>
        OfKind("Namespace").Select(n => n.Name)
            .Concat(byName.Keys.Select(k => k.Namespace).Where(n => n != Regions.Global))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
