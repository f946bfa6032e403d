namespace Argus.Kubernetes.Collection;

/// <summary>Where a collection is: list calls made so far, the resource being listed, gaps so far.</summary>
public sealed record KubernetesCollectionProgress(int CallsDone, string Resource, int Gaps);
