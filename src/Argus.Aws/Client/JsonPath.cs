using System.Text.Json;
using System.Text.Json.Nodes;

namespace Argus.Aws.Client;

/// <summary>
/// The small JMESPath subset paginators use for output tokens: dotted paths, <c>[-1]</c> / <c>[n]</c> indexes
/// and <c>a || b</c> alternatives.
/// </summary>
internal static class JsonPath
{
    public static JsonNode? Evaluate(JsonNode? root, string expression)
    {
        foreach (var alternative in expression.Split("||"))
        {
            var value = Path(root, alternative.Trim());
            if (value is not null)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary><see cref="Evaluate(JsonNode?, string)"/> on a parsed document; a JSON null is no value, as there.</summary>
    public static JsonElement? Evaluate(JsonElement root, string expression)
    {
        foreach (var alternative in expression.Split("||"))
        {
            if (Path(root, alternative.Trim()) is { ValueKind: not JsonValueKind.Null } value)
            {
                return value;
            }
        }

        return null;
    }

    private static JsonElement? Path(JsonElement node, string path)
    {
        JsonElement? current = node;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var child) ? child : null;
            if (bracket >= 0 && current is { ValueKind: JsonValueKind.Array } array)
            {
                var index = int.Parse(segment[(bracket + 1)..segment.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                var count = array.GetArrayLength();
                index = index < 0 ? count + index : index;
                current = index >= 0 && index < count ? array[index] : null;
            }
            else if (bracket >= 0)
            {
                current = null;
            }
        }

        return current;
    }

    private static JsonNode? Path(JsonNode? node, string path)
    {
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            node = node is JsonObject obj ? obj[name] : null;
            if (bracket >= 0 && node is JsonArray array)
            {
                var index = int.Parse(segment[(bracket + 1)..segment.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                index = index < 0 ? array.Count + index : index;
                node = index >= 0 && index < array.Count ? array[index] : null;
            }
            else if (bracket >= 0)
            {
                node = null;
            }
        }

        return node;
    }
}
