using System.Text.Json.Nodes;
using System.Xml.Linq;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// Reads an XML answer (ec2, query, rest-xml) into the AWS CLI JSON shape by walking the model: member names
/// from the model rather than the XML element names, <c>member</c>/<c>item</c> list wrappers removed, scalars
/// typed per their shapes, timestamps as the CLI prints them.
/// </summary>
internal static class XmlResponseReader
{
    public static JsonObject ReadStructure(ServiceModel model, XElement element, Shape shape)
    {
        var result = new JsonObject();
        foreach (var (name, member) in shape.Members)
        {
            if (member.Location is not null)
            {
                continue; // headers and status codes, filled by the REST reader
            }

            var target = model.Shape(member.Shape);
            var xmlName = member.LocationName ?? name;
            if (member.XmlAttribute)
            {
                // "xsi:type": the prefix names a namespace, the attribute matches by local name.
                var localName = xmlName[(xmlName.IndexOf(':', StringComparison.Ordinal) + 1)..];
                var attribute = element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName);
                if (attribute is not null)
                {
                    result[name] = WireValues.Scalar(attribute.Value, target.Type);
                }

                continue;
            }

            if (target.Type == "list" && (member.Flattened || target.Flattened))
            {
                var itemName = target.Member!.LocationName ?? xmlName;
                var items = Children(element, itemName).ToList();
                if (items.Count > 0)
                {
                    result[name] = new JsonArray(items.Select(i => Read(model, i, model.Shape(target.Member.Shape))).ToArray());
                }

                continue;
            }

            var child = Children(element, xmlName).FirstOrDefault();
            if (child is not null)
            {
                result[name] = Read(model, child, target);
            }
        }

        return result;
    }

    public static JsonNode? Read(ServiceModel model, XElement element, Shape shape) => shape.Type switch
    {
        "structure" => ReadStructure(model, element, shape),
        "list" => new JsonArray(Children(element, shape.Member!.LocationName ?? "member")
            .Select(i => Read(model, i, model.Shape(shape.Member.Shape))).ToArray()),
        "map" => ReadMap(model, element, shape),
        _ when shape.Name == PolicyDocumentShape => PolicyDocument(element.Value),
        _ => WireValues.Scalar(element.Value, shape.Type),
    };

    // IAM sends policy documents URL-encoded; botocore (json_decode_policies) and so the CLI print them as JSON.
    internal const string PolicyDocumentShape = "policyDocumentType";

    internal static JsonNode? PolicyDocument(string encoded)
    {
        var text = Uri.UnescapeDataString(encoded);
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text); // the CLI, too, keeps a document that is not JSON as text
        }
    }

    private static JsonObject ReadMap(ServiceModel model, XElement element, Shape shape)
    {
        var result = new JsonObject();
        var entries = shape.Flattened ? [element] : Children(element, "entry");
        foreach (var entry in entries)
        {
            var key = Children(entry, shape.Key!.LocationName ?? "key").FirstOrDefault()?.Value;
            var value = Children(entry, shape.Value!.LocationName ?? "value").FirstOrDefault();
            if (key is not null)
            {
                result[key] = value is null ? null : Read(model, value, model.Shape(shape.Value.Shape));
            }
        }

        return result;
    }

    private static IEnumerable<XElement> Children(XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);
}

