namespace Argus.Kubernetes.Collection;

/// <summary>How a cluster is collected.</summary>
public sealed record KubernetesCollectionOptions
{
    /// <summary>Objects per list page (<c>limit</c>); the server hands back a <c>continue</c> token for the next page.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>A label stored with the snapshot.</summary>
    public string? Label { get; init; }
}
