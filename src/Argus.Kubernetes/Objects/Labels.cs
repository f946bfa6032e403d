using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Kubernetes.Objects;

/// <summary>Reads the <c>labels</c> map of an object's or a pod template's metadata.</summary>
public static class Labels
{
    public static IReadOnlyDictionary<string, string> Of(JsonElement metadata) =>
        metadata.GetObject("labels") is { } labels
            ? labels.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
