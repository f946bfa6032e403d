using System.Text;
using System.Text.Json.Nodes;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// Encodes parameters for the query and ec2 protocols: a form body with Action, Version and the parameters
/// flattened to dotted names (<c>Filter.1.Value.1</c> for ec2, <c>Names.member.1</c> for query).
/// </summary>
internal static class QueryRequestWriter
{
    public static AwsHttpRequest Write(ServiceModel model, OperationModel operation, JsonObject? parameters)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Action", operation.Name), new("Version", model.ApiVersion) };
        if (parameters is not null && operation.Input is not null)
        {
            WriteStructure(model, "", model.Shape(operation.Input), parameters, fields, model.Protocol == "ec2");
        }

        var body = string.Join("&", fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value)));
        return new AwsHttpRequest("POST", "/",
            new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8" },
            Encoding.UTF8.GetBytes(body));
    }

    private static void WriteStructure(ServiceModel model, string prefix, Shape shape, JsonObject value, List<KeyValuePair<string, string>> fields, bool ec2)
    {
        foreach (var (name, node) in value)
        {
            if (!shape.Members.TryGetValue(name, out var member))
            {
                throw new ArgumentException($"{shape.Name} has no parameter {name}");
            }

            if (node is null)
            {
                continue;
            }

            var wireName = ec2 ? member.QueryName ?? Capitalize(member.LocationName ?? name) : member.LocationName ?? name;
            Write(model, prefix.Length == 0 ? wireName : prefix + "." + wireName, member, node, fields, ec2);
        }
    }

    private static void Write(ServiceModel model, string prefix, ShapeRef reference, JsonNode value, List<KeyValuePair<string, string>> fields, bool ec2)
    {
        var shape = model.Shape(reference.Shape);
        switch (shape.Type)
        {
            case "structure":
                WriteStructure(model, prefix, shape, value as JsonObject ?? throw new ArgumentException($"parameter {prefix} must be an object"), fields, ec2);
                break;
            case "list":
                var items = value as JsonArray ?? throw new ArgumentException($"parameter {prefix} must be a list");
                if (items.Count == 0 && !ec2)
                {
                    fields.Add(new(prefix, ""));
                }

                var itemPrefix = ec2 || reference.Flattened || shape.Flattened ? prefix : prefix + "." + (shape.Member!.LocationName ?? "member");
                for (var i = 0; i < items.Count; i++)
                {
                    Write(model, $"{itemPrefix}.{i + 1}", shape.Member!, items[i] ?? throw new ArgumentException($"parameter {prefix} holds a null"), fields, ec2);
                }

                break;
            case "map":
                var entries = value as JsonObject ?? throw new ArgumentException($"parameter {prefix} must be an object");
                var entryPrefix = reference.Flattened || shape.Flattened ? prefix : prefix + ".entry";
                var n = 0;
                foreach (var (key, entry) in entries)
                {
                    n++;
                    fields.Add(new($"{entryPrefix}.{n}.{shape.Key!.LocationName ?? "key"}", key));
                    Write(model, $"{entryPrefix}.{n}.{shape.Value!.LocationName ?? "value"}", shape.Value, entry!, fields, ec2);
                }

                break;
            default:
                fields.Add(new(prefix, WireValues.Text(value, shape.Type, prefix)));
                break;
        }
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string Escape(string text) => Uri.EscapeDataString(text);
}
