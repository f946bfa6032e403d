using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Argus.Aws.Client.Model;

using Argus.Aws.Client.Protocols;

namespace Argus.Aws.Tests.Client;

/// <summary>
/// The reference the client's own XML scanner is compared against: the ec2 and query answers read with .NET's
/// <see cref="XmlReader"/> (the client's reader before the scanner), in one forward pass:
/// the same rules as <see cref="XmlResponseReader"/> (model member names, list wrappers removed, typed scalars, first
/// occurrence of a member wins, unknown elements skipped), at a fraction of the memory and time for the large EC2
/// answers (tens of thousands of network interfaces).
/// </summary>
internal static class XmlStreamReader
{
    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    /// <summary>The answer's output structure: the root element (ec2) or the root's <paramref name="wrapper"/> child (query).</summary>
    public static JsonObject Read(ServiceModel model, ReadOnlyMemory<byte> body, Shape output, string? wrapper)
    {
        try
        {
            using var reader = XmlReader.Create(ResponseReader.Stream(body), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new InvalidDataException("the answer is an empty XML document");
            }

            if (wrapper is null)
            {
                return ReadStructure(model, reader, output);
            }

            if (reader.IsEmptyElement)
            {
                return [];
            }

            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == wrapper)
                {
                    return ReadStructure(model, reader, output);
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                }
            }

            return [];
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"the answer is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
    }

    internal static JsonObject ReadStructure(ServiceModel model, XmlReader reader, Shape shape)
    {
        var result = new JsonObject();
        if (reader.HasAttributes)
        {
            foreach (var (name, member) in shape.Members.Where(m => m.Value.XmlAttribute && m.Value.Location is null))
            {
                var xmlName = member.LocationName ?? name;
                if (reader.GetAttribute(xmlName[(xmlName.IndexOf(':', StringComparison.Ordinal) + 1)..]) is { } attribute)
                {
                    result[name] = WireValues.Scalar(attribute, model.Shape(member.Shape).Type);
                }
            }
        }

        var slots = XmlMemberSlots.Index(model, shape);
        ForEachChild(reader, () =>
        {
            if (!slots.TryGetValue(reader.LocalName, out var slot))
            {
                reader.Skip();
                return;
            }

            var target = model.Shape(slot.Reference.Shape);
            if (slot.FlattenedList)
            {
                if (result[slot.Name] is not JsonArray items)
                {
                    result[slot.Name] = items = [];
                }

                items.Add(ReadValue(model, reader, model.Shape(target.Member!.Shape)));
            }
            else if (result.ContainsKey(slot.Name))
            {
                reader.Skip();
            }
            else
            {
                result[slot.Name] = ReadValue(model, reader, target);
            }
        });
        return result;
    }

    private static JsonNode? ReadValue(ServiceModel model, XmlReader reader, Shape shape)
    {
        switch (shape.Type)
        {
            case "structure":
                return ReadStructure(model, reader, shape);
            case "list":
                var list = new JsonArray();
                var itemName = shape.Member!.LocationName ?? "member";
                var itemShape = model.Shape(shape.Member.Shape);
                ForEachChild(reader, () =>
                {
                    if (reader.LocalName == itemName)
                    {
                        list.Add(ReadValue(model, reader, itemShape));
                    }
                    else
                    {
                        reader.Skip();
                    }
                });
                return list;
            case "map":
                return ReadMap(model, reader, shape);
            default:
                var text = ReadText(reader);
                return shape.Name == XmlResponseReader.PolicyDocumentShape ? XmlResponseReader.PolicyDocument(text) : WireValues.Scalar(text, shape.Type);
        }
    }

    internal static JsonObject ReadMap(ServiceModel model, XmlReader reader, Shape shape)
    {
        var result = new JsonObject();
        var keyName = shape.Key!.LocationName ?? "key";
        var valueName = shape.Value!.LocationName ?? "value";
        var valueShape = model.Shape(shape.Value.Shape);

        void Entry()
        {
            string? key = null;
            JsonNode? value = null;
            ForEachChild(reader, () =>
            {
                if (reader.LocalName == keyName && key is null)
                {
                    key = ReadText(reader);
                }
                else if (reader.LocalName == valueName)
                {
                    value = ReadValue(model, reader, valueShape);
                }
                else
                {
                    reader.Skip();
                }
            });
            if (key is not null)
            {
                result[key] = value;
            }
        }

        if (shape.Flattened)
        {
            Entry();
        }
        else
        {
            ForEachChild(reader, () =>
            {
                if (reader.LocalName == "entry")
                {
                    Entry();
                }
                else
                {
                    reader.Skip();
                }
            });
        }

        return result;
    }

    /// <summary>Calls <paramref name="child"/> with the reader on each child element, which it must consume; leaves the reader after the element.</summary>
    private static void ForEachChild(XmlReader reader, Action child)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                child();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>An element's text, its descendants' included (as <c>XElement.Value</c>); leaves the reader after the element.</summary>
    internal static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? text = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                if (single is null && text is null)
                {
                    single = reader.Value;
                }
                else
                {
                    text ??= new StringBuilder(single);
                    text.Append(reader.Value);
                }
            }

            reader.Read();
        }

        reader.Read();
        return text?.ToString() ?? single ?? "";
    }

    /// <summary>The tree the client's answer should serialize to: this reference for ec2 and query, the client's own reader for the rest.</summary>
    public static System.Text.Json.Nodes.JsonObject Expected(ServiceModel model, OperationModel operation, System.Net.Http.Headers.HttpResponseHeaders headers, byte[] body) =>
        model.Protocol switch
        {
            "ec2" when operation.Output is { } output => Read(model, body, model.Shape(output), null),
            "query" when operation.Output is { } output => Read(model, body, model.Shape(output), operation.ResultWrapper),
            _ => ResponseReader.Read(model, operation, 200, headers, body),
        };
}
