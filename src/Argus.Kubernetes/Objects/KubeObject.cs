using System.Text.Json;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Kubernetes.Objects;

/// <summary>
/// One Kubernetes object as checks see it, from a stored list answer or a manifest: its kind, where it lives
/// and its JSON exactly as stored or written.
/// </summary>
/// <param name="Cluster">The cluster (snapshot account) or <c>manifests</c> for files.</param>
/// <param name="Namespace">The namespace, or <see cref="Regions.Global"/> for cluster-scoped kinds.</param>
/// <param name="Origin">Where it came from, for messages: <c>file.yaml:12</c> or the stored document.</param>
public sealed record KubeObject(string Cluster, string Kind, string ApiVersion, string Namespace, string Name, JsonElement Json, string Origin)
{
    /// <summary><c>&lt;cluster&gt;/&lt;namespace&gt;/&lt;kind&gt;/&lt;name&gt;</c>, the id findings are recorded under.</summary>
    public string Id => $"{Cluster}/{Namespace}/{Kind}/{Name}";

    /// <summary>The object's <c>metadata</c>, or an undefined element.</summary>
    public JsonElement Metadata => Json.GetObject("metadata") ?? default;

    public JsonElement Spec => Json.GetObject("spec") ?? default;

    /// <summary>A label's value, or null.</summary>
    public string? Label(string key) => Metadata.GetObject("labels")?.GetString(key);

    /// <summary><c>Kind ns/name</c> (or <c>Kind name</c> when cluster-scoped), for messages.</summary>
    public string Display => Namespace == Regions.Global ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    public override string ToString() => Display;
}
