using Argus.Core.Import;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Manifests;

/// <summary>What a manifest path held: the objects, the files read, and what could not be read (which did not stop the rest).</summary>
public sealed record ManifestSet(IReadOnlyList<KubeObject> Objects, IReadOnlyList<string> Files, IReadOnlyList<ImportException> Errors, IReadOnlyList<ImportNotice> Notices)
{
    /// <summary>The account findings from manifests are recorded under.</summary>
    public const string Cluster = "manifests";

    /// <summary>The objects as a set checks run on; kinds absent from the files are not gaps.</summary>
    public ObjectSet ToObjectSet() => new(Cluster, Objects, [], fromManifests: true);
}
