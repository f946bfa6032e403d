using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>Turns a successful answer of any supported protocol into the AWS CLI JSON shape.</summary>
internal static class ResponseReader
{
    public static JsonObject Read(ServiceModel model, OperationModel operation, int status, HttpResponseHeaders headers, byte[] body)
    {
        if (operation.Output is null)
        {
            return [];
        }

        var output = model.Shape(operation.Output);
        var result = model.Protocol switch
        {
            "ec2" => XmlStreamReader.Read(model, body, output, null),
            "query" => XmlStreamReader.Read(model, body, output, operation.ResultWrapper),
            "json" or "rest-json" => ReadJson(model, output, body),
            "rest-xml" => ReadRestXml(model, output, body),
            var protocol => throw new NotSupportedException($"{model.Service} uses the {protocol} protocol, which the client does not speak"),
        };
        if (model.Protocol.StartsWith("rest-", StringComparison.Ordinal))
        {
            AddLocated(output, status, headers, result, model);
        }

        return result;
    }

    private static JsonObject ReadJson(ServiceModel model, Shape output, byte[] body)
    {
        if (body.Length == 0)
        {
            return [];
        }

        var node = JsonNode.Parse(body) as JsonObject ?? throw new InvalidDataException("the answer is not a JSON object");
        return (JsonObject)JsonShapes.ToCli(model, output, node)!;
    }

    private static JsonObject ReadRestXml(ServiceModel model, Shape output, byte[] body)
    {
        if (output.Payload is { } payload)
        {
            var member = output.Members[payload];
            var shape = model.Shape(member.Shape);
            var result = new JsonObject();
            if (shape.Type is "string" or "blob")
            {
                result[payload] = Encoding.UTF8.GetString(body);
            }
            else if (body.Length > 0)
            {
                result[payload] = XmlResponseReader.Read(model, Xml(body), shape);
            }

            return result;
        }

        if (body.Length == 0)
        {
            return [];
        }

        var root = Xml(body);
        // Answers whose root element is the only member (GetBucketLocation's LocationConstraint) rather than the output.
        var single = output.Members.Where(m => m.Value.Location is null).ToList();
        if (single.Count == 1 && (single[0].Value.LocationName ?? single[0].Key) == root.Name.LocalName && model.Shape(single[0].Value.Shape).Type != "structure")
        {
            // An empty element is no value: the CLI prints us-east-1's location as null, not "".
            var value = root.IsEmpty || (!root.HasElements && root.Value.Length == 0) ? null : XmlResponseReader.Read(model, root, model.Shape(single[0].Value.Shape));
            return new JsonObject { [single[0].Key] = value };
        }

        return XmlResponseReader.ReadStructure(model, root, output);
    }

    private static void AddLocated(Shape output, int status, HttpResponseHeaders headers, JsonObject result, ServiceModel model)
    {
        foreach (var (name, member) in output.Members)
        {
            if (member.Location == "statusCode")
            {
                result[name] = status;
            }
            else if (member.Location == "header" && member.LocationName is { } header && headers.TryGetValues(header, out var values))
            {
                result[name] = WireValues.Scalar(string.Join(",", values), model.Shape(member.Shape).Type);
            }
        }
    }

    private static readonly System.Xml.XmlReaderSettings XmlSettings = new() { DtdProcessing = System.Xml.DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true };

    private static XElement Xml(byte[] body)
    {
        try
        {
            // Straight from the bytes: no UTF-16 copy of what can be tens of megabytes (DescribeNetworkInterfaces).
            using var reader = System.Xml.XmlReader.Create(new MemoryStream(body, writable: false), XmlSettings);
            return XDocument.Load(reader).Root ?? throw new InvalidDataException("the answer is an empty XML document");
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"the answer is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
    }
}
