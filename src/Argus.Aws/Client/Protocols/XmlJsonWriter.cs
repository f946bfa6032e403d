using System.Collections.Concurrent;
using System.Text.Json;
using System.Xml;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// The ec2 and query answers written straight to the UTF-8 JSON a raw document stores, in one forward pass of an
/// <see cref="XmlReader"/>: the same output, byte for byte, as reading them with <see cref="XmlStreamReader"/> and
/// serializing the tree, without building the tree (most of the collector's allocations). Structures with a
/// flattened list (whose items may be interleaved with other members) and maps (a repeated key replaces the value
/// in place) are read as trees and written from them, since only a tree can give those their first position.
/// </summary>
internal static class XmlJsonWriter
{
    private sealed record Slot(JsonEncodedText JsonName, Shape Shape, int Ordinal);

    private sealed record Layout(IReadOnlyDictionary<string, Slot> Slots, IReadOnlyList<(JsonEncodedText JsonName, string LocalName, string Type)> Attributes, bool NeedsTree);

    // Keyed by the shape itself (reference equality): shapes belong to one model and live as long as it.
    private static readonly ConcurrentDictionary<Shape, Layout> Layouts = new();

    /// <summary>The answer's output structure: the root element (ec2) or the root's <paramref name="wrapper"/> child (query).</summary>
    public static void Write(ServiceModel model, byte[] body, Shape output, string? wrapper, Utf8JsonWriter json)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), XmlStreamReader.Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                throw new InvalidDataException("the answer is an empty XML document");
            }

            if (wrapper is null)
            {
                WriteStructure(model, reader, output, json);
                return;
            }

            if (!reader.IsEmptyElement)
            {
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == wrapper)
                    {
                        WriteStructure(model, reader, output, json);
                        return;
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
            }

            json.WriteStartObject();
            json.WriteEndObject();
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"the answer is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
    }

    private static void WriteStructure(ServiceModel model, XmlReader reader, Shape shape, Utf8JsonWriter json)
    {
        var layout = LayoutOf(model, shape);
        if (layout.NeedsTree)
        {
            XmlStreamReader.ReadStructure(model, reader, shape).WriteTo(json);
            return;
        }

        json.WriteStartObject();
        if (reader.HasAttributes)
        {
            foreach (var (jsonName, localName, type) in layout.Attributes)
            {
                if (reader.GetAttribute(localName) is { } attribute)
                {
                    json.WritePropertyName(jsonName);
                    WireValues.WriteScalar(json, attribute, type);
                }
            }
        }

        if (reader.IsEmptyElement)
        {
            reader.Read();
            json.WriteEndObject();
            return;
        }

        // The first occurrence of a member wins, as in the tree reader.
        var seen = 0UL;
        var seenMany = layout.Slots.Count > 64 ? new bool[layout.Slots.Count] : null;
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (!layout.Slots.TryGetValue(reader.LocalName, out var slot) || Seen(ref seen, seenMany, slot.Ordinal))
            {
                reader.Skip();
                continue;
            }

            json.WritePropertyName(slot.JsonName);
            WriteValue(model, reader, slot.Shape, json);
        }

        reader.Read();
        json.WriteEndObject();
    }

    /// <summary>Whether the member was already written; marks it written.</summary>
    private static bool Seen(ref ulong seen, bool[]? seenMany, int ordinal)
    {
        if (seenMany is not null)
        {
            var was = seenMany[ordinal];
            seenMany[ordinal] = true;
            return was;
        }

        var bit = 1UL << ordinal;
        var before = (seen & bit) != 0;
        seen |= bit;
        return before;
    }

    private static void WriteValue(ServiceModel model, XmlReader reader, Shape shape, Utf8JsonWriter json)
    {
        switch (shape.Type)
        {
            case "structure":
                WriteStructure(model, reader, shape, json);
                return;
            case "list":
                WriteList(model, reader, shape, json);
                return;
            case "map":
                XmlStreamReader.ReadMap(model, reader, shape).WriteTo(json);
                return;
            default:
                var text = XmlStreamReader.ReadText(reader);
                if (shape.Name == XmlResponseReader.PolicyDocumentShape)
                {
                    XmlResponseReader.PolicyDocument(text)!.WriteTo(json);
                }
                else
                {
                    WireValues.WriteScalar(json, text, shape.Type);
                }

                return;
        }
    }

    private static void WriteList(ServiceModel model, XmlReader reader, Shape shape, Utf8JsonWriter json)
    {
        json.WriteStartArray();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            json.WriteEndArray();
            return;
        }

        var itemName = shape.Member!.LocationName ?? "member";
        var itemShape = model.Shape(shape.Member.Shape);
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == itemName)
            {
                WriteValue(model, reader, itemShape, json);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
        json.WriteEndArray();
    }

    /// <summary>A structure's members by XML name, its attributes, and whether it must be read as a tree.</summary>
    private static Layout LayoutOf(ServiceModel model, Shape shape) =>
        Layouts.GetOrAdd(shape, _ =>
        {
            var slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
            var needsTree = false;
            foreach (var (name, member) in shape.Members.Where(m => m.Value.Location is null && !m.Value.XmlAttribute))
            {
                var target = model.Shape(member.Shape);
                needsTree |= target.Type == "list" && (member.Flattened || target.Flattened);
                slots.TryAdd(member.LocationName ?? name, new Slot(JsonEncodedText.Encode(name), target, slots.Count));
            }

            var attributes = shape.Members.Where(m => m.Value.XmlAttribute && m.Value.Location is null)
                .Select(m => (m.Value.LocationName ?? m.Key) is var xmlName
                    ? (JsonEncodedText.Encode(m.Key), xmlName[(xmlName.IndexOf(':', StringComparison.Ordinal) + 1)..], model.Shape(m.Value.Shape).Type)
                    : default)
                .ToList();
            return new Layout(slots, attributes, needsTree);
        });
}
