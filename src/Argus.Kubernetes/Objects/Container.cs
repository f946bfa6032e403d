using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Kubernetes.Objects;

/// <summary>One container of a pod spec; <see cref="Role"/> is <c>container</c>, <c>initContainer</c> or <c>ephemeralContainer</c>.</summary>
public sealed record Container(string Name, string Role, JsonElement Json)
{
    public JsonElement SecurityContext => Json.GetObject("securityContext") ?? default;

    public string? Image => Json.GetString("image");

    /// <summary><c>container app</c> or <c>initContainer setup</c>, for messages.</summary>
    public string Display => $"{Role} {Name}";
}
