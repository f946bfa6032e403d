using System.Text;
using System.Text.Json.Nodes;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// Encodes parameters for the json, rest-json and rest-xml protocols: URI labels, query string and headers
/// from the members' locations, the rest as a JSON body (json, rest-json). Argus only reads, so rest-xml
/// requests carry no body.
/// </summary>
internal static class RestRequestWriter
{
    public static AwsHttpRequest Write(ServiceModel model, OperationModel operation, JsonObject? parameters)
    {
        var input = operation.Input is null ? null : model.Shape(operation.Input);
        parameters ??= [];
        if (model.Protocol == "json")
        {
            var target = new Dictionary<string, string>
            {
                ["content-type"] = "application/x-amz-json-" + model.JsonVersion,
                ["x-amz-target"] = model.TargetPrefix + "." + operation.Name,
            };
            var json = input is null ? new JsonObject() : JsonShapes.ToWire(model, input, parameters, "");
            return new AwsHttpRequest("POST", "/", target, Encoding.UTF8.GetBytes(json.ToJsonString()));
        }

        var split = operation.RequestUri.Split('?', 2);
        var path = split[0];
        var query = new List<string>();
        if (split.Length > 1 && split[1].Length > 0)
        {
            query.Add(split[1]);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hasBody = false;
        foreach (var (name, node) in parameters)
        {
            if (input is null || !input.Members.TryGetValue(name, out var member))
            {
                throw new ArgumentException($"{operation.Name} has no parameter {name}");
            }

            if (node is null)
            {
                continue;
            }

            var shape = model.Shape(member.Shape);
            var wireName = member.LocationName ?? name;
            switch (member.Location)
            {
                case "uri":
                    var text = WireValues.Text(node, shape.Type, name);
                    path = path.Replace("{" + wireName + "+}", string.Join("/", text.Split('/').Select(Uri.EscapeDataString)), StringComparison.Ordinal)
                        .Replace("{" + wireName + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
                    break;
                case "querystring":
                    var values = node is JsonArray list ? list.Select(v => WireValues.Text(v!, model.Shape(shape.Member!.Shape).Type, name)) : [WireValues.Text(node, shape.Type, name)];
                    query.AddRange(values.Select(v => Uri.EscapeDataString(wireName) + "=" + Uri.EscapeDataString(v)));
                    break;
                case "header":
                    headers[wireName] = WireValues.Text(node, shape.Type, name);
                    break;
                default:
                    hasBody = true;
                    break;
            }
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{operation.Name} needs a value for every label of {operation.RequestUri}");
        }

        var body = Array.Empty<byte>();
        if (hasBody && model.Protocol == "rest-json" && input is not null)
        {
            headers["content-type"] = "application/json";
            body = Encoding.UTF8.GetBytes(JsonShapes.ToWire(model, input, parameters, "").ToJsonString());
        }

        return new AwsHttpRequest(operation.HttpMethod, query.Count == 0 ? path : path + "?" + string.Join("&", query), headers, body);
    }
}
