using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Argus.Aws.Client.Model;

namespace Argus.Bench.FakeAws;

/// <summary>
/// Renders an answer in the AWS CLI JSON shape as the XML an AWS service sends (ec2, query, rest-xml), by walking
/// the same trimmed botocore models the client reads with: the mirror image of the client's XML reader, so a
/// round trip gives back the document.
/// </summary>
internal static class WireWriter
{
    /// <summary>The HTTP body for a successful answer: content type and bytes.</summary>
    public static (string ContentType, byte[] Body) Answer(ServiceModel model, OperationModel operation, JsonObject cli)
    {
        if (model.Protocol is "json" or "rest-json")
        {
            // The JSON protocols carry the CLI shape under the wire names (API Gateway's "items" travel as "item"),
            // timestamps as epoch seconds.
            var wire = operation.Output is null ? cli : Argus.Aws.Client.Protocols.JsonShapes.ToWire(model, model.Shape(operation.Output), cli, "");
            return ("application/x-amz-json-" + model.JsonVersion, Encoding.UTF8.GetBytes(wire.ToJsonString()));
        }

        var output = operation.Output is null ? null : model.Shape(operation.Output);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            switch (model.Protocol)
            {
                case "ec2":
                    xml.WriteStartElement(operation.Name + "Response", $"http://ec2.amazonaws.com/doc/{model.ApiVersion}/");
                    xml.WriteElementString("requestId", "00000000-0000-0000-0000-000000000000");
                    if (output is not null)
                    {
                        Members(xml, model, output, cli);
                    }

                    xml.WriteEndElement();
                    break;
                case "query":
                    xml.WriteStartElement(operation.Name + "Response", $"https://{model.EndpointPrefix}.amazonaws.com/doc/{model.ApiVersion}/");
                    if (output is not null && operation.ResultWrapper is { } wrapper)
                    {
                        xml.WriteStartElement(wrapper);
                        Members(xml, model, output, cli);
                        xml.WriteEndElement();
                    }

                    xml.WriteStartElement("ResponseMetadata");
                    xml.WriteElementString("RequestId", "00000000-0000-0000-0000-000000000000");
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
                case "rest-xml":
                    return RestXml(model, operation, output, cli);
                default:
                    throw new NotSupportedException($"{model.Service} uses the {model.Protocol} protocol");
            }
        }

        return ("text/xml", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static (string ContentType, byte[] Body) RestXml(ServiceModel model, OperationModel operation, Shape? output, JsonObject cli)
    {
        if (output is null)
        {
            return ("application/xml", []);
        }

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            var bodyMembers = output.Members.Where(m => m.Value.Location is null).ToList();
            if (output.Payload is { } payload)
            {
                var member = output.Members[payload];
                var shape = model.Shape(member.Shape);
                if (shape.Type is "string" or "blob")
                {
                    // A payload that is the whole body (GetBucketPolicy's policy text).
                    return ("application/json", Encoding.UTF8.GetBytes(Scalar(cli[payload]) ?? ""));
                }

                if (cli[payload] is { } value)
                {
                    Element(xml, model, member.LocationName ?? shape.LocationName ?? payload, shape, value);
                }
            }
            else if (bodyMembers.Count == 1 && model.Shape(bodyMembers[0].Value.Shape).Type != "structure")
            {
                // The root element is the only member (GetBucketLocation's LocationConstraint).
                var (name, member) = bodyMembers[0];
                xml.WriteStartElement(member.LocationName ?? name, "http://s3.amazonaws.com/doc/2006-03-01/");
                Content(xml, model, model.Shape(member.Shape), cli[name]);
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteStartElement(output.LocationName ?? operation.Name + "Result", "http://s3.amazonaws.com/doc/2006-03-01/");
                Members(xml, model, output, cli);
                xml.WriteEndElement();
            }
        }

        return ("application/xml", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void Members(XmlWriter xml, ServiceModel model, Shape shape, JsonObject value)
    {
        // Attributes first (S3's Grantee xsi:type): they must precede the element's children.
        foreach (var (name, member) in shape.Members.Where(m => m.Value.XmlAttribute))
        {
            if (Scalar(value[name]) is { } attribute)
            {
                var xmlName = member.LocationName ?? name;
                if (xmlName.StartsWith("xsi:", StringComparison.Ordinal))
                {
                    xml.WriteAttributeString("xsi", xmlName[4..], "http://www.w3.org/2001/XMLSchema-instance", attribute);
                }
                else
                {
                    xml.WriteAttributeString(xmlName, attribute);
                }
            }
        }

        foreach (var (name, member) in shape.Members)
        {
            if (member.Location is not null || member.XmlAttribute || value[name] is not { } field)
            {
                continue;
            }

            var target = model.Shape(member.Shape);
            var xmlName = member.LocationName ?? name;
            if (target.Type == "list" && (member.Flattened || target.Flattened))
            {
                var itemShape = model.Shape(target.Member!.Shape);
                foreach (var item in field.AsArray())
                {
                    Element(xml, model, target.Member.LocationName ?? xmlName, itemShape, item);
                }

                continue;
            }

            Element(xml, model, xmlName, target, field);
        }
    }

    private static void Element(XmlWriter xml, ServiceModel model, string name, Shape shape, JsonNode? value)
    {
        xml.WriteStartElement(name);
        Content(xml, model, shape, value);
        xml.WriteEndElement();
    }

    private static void Content(XmlWriter xml, ServiceModel model, Shape shape, JsonNode? value)
    {
        switch (shape.Type)
        {
            case "structure" when value is JsonObject structure:
                Members(xml, model, shape, structure);
                break;
            case "list" when value is JsonArray list:
                var itemShape = model.Shape(shape.Member!.Shape);
                foreach (var item in list)
                {
                    Element(xml, model, shape.Member.LocationName ?? "member", itemShape, item);
                }

                break;
            case "map" when value is JsonObject map:
                var valueShape = model.Shape(shape.Value!.Shape);
                foreach (var (key, entry) in map)
                {
                    xml.WriteStartElement("entry");
                    xml.WriteElementString(shape.Key!.LocationName ?? "key", key);
                    Element(xml, model, shape.Value.LocationName ?? "value", valueShape, entry);
                    xml.WriteEndElement();
                }

                break;
            default:
                // IAM policy documents: the CLI prints them as JSON, the wire carries them URL-encoded.
                var text = value is JsonObject or JsonArray ? Uri.EscapeDataString(value.ToJsonString()) : Scalar(value);
                xml.WriteString(text ?? "");
                break;
        }
    }

    private static string? Scalar(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonObject or JsonArray => value.ToJsonString(),
        _ => value.ToJsonString(),
    };
}
