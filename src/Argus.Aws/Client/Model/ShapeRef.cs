using System.Text.Json.Nodes;

namespace Argus.Aws.Client.Model;

/// <summary>
/// A reference from a structure member, list or map to a shape, with the wire details the reference adds:
/// where the value travels (body, uri, querystring, header) and under which name.
/// </summary>
internal sealed record ShapeRef(string Shape, string? LocationName, string? Location, string? QueryName, bool Flattened, bool XmlAttribute)
{
    public static ShapeRef From(JsonNode node) => new(
        (string)node["shape"]!,
        (string?)node["locationName"],
        (string?)node["location"],
        (string?)node["queryName"],
        (bool?)node["flattened"] ?? false,
        (bool?)node["xmlAttribute"] ?? false);
}
