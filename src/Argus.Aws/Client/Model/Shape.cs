using System.Text.Json.Nodes;

namespace Argus.Aws.Client.Model;

/// <summary>One shape of a service model: a structure, list, map or scalar, as botocore's service-2.json defines it.</summary>
internal sealed class Shape
{
    private Shape(string name, string type, JsonObject json)
    {
        Name = name;
        Type = type;
        Flattened = (bool?)json["flattened"] ?? false;
        LocationName = (string?)json["locationName"];
        Payload = (string?)json["payload"];
        TimestampFormat = (string?)json["timestampFormat"];
        Members = json["members"] is JsonObject members
            ? members.ToDictionary(m => m.Key, m => ShapeRef.From(m.Value!), StringComparer.Ordinal)
            : new Dictionary<string, ShapeRef>();
        Member = json["member"] is { } member ? ShapeRef.From(member) : null;
        Key = json["key"] is { } key ? ShapeRef.From(key) : null;
        Value = json["value"] is { } value ? ShapeRef.From(value) : null;
    }

    public string Name { get; }

    /// <summary>structure, list, map, string, integer, long, float, double, boolean, timestamp, blob.</summary>
    public string Type { get; }

    public bool Flattened { get; }
    public string? LocationName { get; }

    /// <summary>For REST protocols, the member that is the whole HTTP body.</summary>
    public string? Payload { get; }

    public string? TimestampFormat { get; }
    public IReadOnlyDictionary<string, ShapeRef> Members { get; }
    public ShapeRef? Member { get; }
    public ShapeRef? Key { get; }
    public ShapeRef? Value { get; }

    public static Shape From(string name, JsonObject json) =>
        new(name, (string?)json["type"] ?? throw new InvalidDataException($"shape {name} has no type"), json);
}
