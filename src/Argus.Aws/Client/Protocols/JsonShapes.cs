using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// Converts JSON bodies between the CLI shape and the json / rest-json wire: the names agree, but timestamps
/// travel as epoch seconds and the CLI prints them as ISO-8601 text.
/// </summary>
internal static class JsonShapes
{
    /// <summary>Parameters to a wire body: unknown members rejected, timestamps to epoch seconds, wire names applied.</summary>
    public static JsonNode ToWire(ServiceModel model, Shape shape, JsonNode value, string path)
    {
        switch (shape.Type)
        {
            case "structure":
                var input = value as JsonObject ?? throw new ArgumentException($"parameter {path} must be an object");
                var body = new JsonObject();
                foreach (var (name, node) in input)
                {
                    if (!shape.Members.TryGetValue(name, out var member))
                    {
                        throw new ArgumentException($"{shape.Name} has no parameter {name}");
                    }

                    if (node is not null && member.Location is null)
                    {
                        body[member.LocationName ?? name] = ToWire(model, model.Shape(member.Shape), node, Join(path, name));
                    }
                }

                return body;
            case "list":
                var items = value as JsonArray ?? throw new ArgumentException($"parameter {path} must be a list");
                return new JsonArray(items.Select((i, n) => ToWire(model, model.Shape(shape.Member!.Shape), i!, $"{path}[{n}]")).ToArray());
            case "map":
                var map = value as JsonObject ?? throw new ArgumentException($"parameter {path} must be an object");
                return new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)ToWire(model, model.Shape(shape.Value!.Shape), e.Value!, Join(path, e.Key)))));
            case "timestamp":
                return JsonValue.Create(WireValues.Timestamp(value, path).ToUnixTimeMilliseconds() / 1000.0);
            default:
                return value.DeepClone();
        }
    }

    /// <summary>A wire answer to the CLI shape: model member names, timestamps as ISO-8601 text.</summary>
    public static JsonNode? ToCli(ServiceModel model, Shape shape, JsonNode? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonObject obj when shape.Type == "structure":
                var result = new JsonObject();
                foreach (var (name, member) in shape.Members)
                {
                    if (member.Location is null && obj.TryGetPropertyValue(member.LocationName ?? name, out var node))
                    {
                        result[name] = ToCli(model, model.Shape(member.Shape), node);
                    }
                }

                return result;
            case JsonArray array when shape.Type == "list":
                return new JsonArray(array.Select(i => ToCli(model, model.Shape(shape.Member!.Shape), i)).ToArray());
            case JsonObject map when shape.Type == "map":
                return new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, ToCli(model, model.Shape(shape.Value!.Shape), e.Value))));
            case JsonValue number when shape.Type == "timestamp" && number.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(WireValues.CliTimestamp(DateTimeOffset.UnixEpoch.AddTicks((long)(number.GetValue<double>() * TimeSpan.TicksPerSecond))));
            case JsonValue text when shape.Type == "timestamp" && text.GetValueKind() == JsonValueKind.String:
                return WireValues.Scalar(text.GetValue<string>(), "timestamp");
            default:
                return value.DeepClone();
        }
    }

    /// <summary>
    /// <see cref="ToCli"/> written straight to JSON from the parsed wire answer: the same bytes as serializing the
    /// converted tree, without building either tree.
    /// </summary>
    public static void WriteCli(ServiceModel model, Shape shape, JsonElement value, Utf8JsonWriter json)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when shape.Type == "structure":
                json.WriteStartObject();
                foreach (var (name, member) in shape.Members)
                {
                    if (member.Location is null && value.TryGetProperty(member.LocationName ?? name, out var node))
                    {
                        json.WritePropertyName(name);
                        WriteCli(model, model.Shape(member.Shape), node, json);
                    }
                }

                json.WriteEndObject();
                break;
            case JsonValueKind.Array when shape.Type == "list":
                var itemShape = model.Shape(shape.Member!.Shape);
                json.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteCli(model, itemShape, item, json);
                }

                json.WriteEndArray();
                break;
            case JsonValueKind.Object when shape.Type == "map":
                var valueShape = model.Shape(shape.Value!.Shape);
                json.WriteStartObject();
                foreach (var entry in value.EnumerateObject())
                {
                    json.WritePropertyName(entry.Name);
                    WriteCli(model, valueShape, entry.Value, json);
                }

                json.WriteEndObject();
                break;
            case JsonValueKind.Number when shape.Type == "timestamp":
                json.WriteStringValue(WireValues.CliTimestamp(DateTimeOffset.UnixEpoch.AddTicks((long)(value.GetDouble() * TimeSpan.TicksPerSecond))));
                break;
            case JsonValueKind.String when shape.Type == "timestamp":
                WireValues.WriteScalar(json, value.GetString()!, "timestamp");
                break;
            default:
                value.WriteTo(json);
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
