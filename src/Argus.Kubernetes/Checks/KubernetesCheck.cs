using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks;

/// <summary>One posture check: metadata and the code that judges the objects of a cluster or a manifest set.</summary>
public abstract class KubernetesCheck
{
    public abstract CheckMetadata Metadata { get; }

    /// <summary>A verdict for each object the check applies to, PASS included.</summary>
    public abstract IEnumerable<Verdict> Evaluate(ObjectSet objects);
}
