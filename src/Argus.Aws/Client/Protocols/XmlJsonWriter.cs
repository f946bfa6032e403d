using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Client.Model;

namespace Argus.Aws.Client.Protocols;

/// <summary>
/// The ec2 and query answers written straight to the UTF-8 JSON a raw document stores, in one forward pass of an
/// <see cref="XmlScanner"/> over the answer's bytes: the same output, byte for byte, as reading them into a tree with
/// .NET's XmlReader (the reference the tests compare against) and serializing it, without building the tree or a string per element (element
/// names compare as UTF-8 against the model's names, encoded once per shape; text is written from the answer's bytes).
/// Structures with a flattened list (whose items may be interleaved with other members) and maps (a repeated key
/// replaces the value in place) are read as trees and written from them, since only a tree can give those their
/// first position.
/// </summary>
internal static class XmlJsonWriter
{
    private enum Kind
    {
        Structure,
        List,
        Map,
        Boolean,
        Integer,
        Float,
        Timestamp,
        PolicyDocument,
        Text,
    }

    /// <summary>How one shape is read, resolved once per shape; the shapes it contains are resolved on first use.</summary>
    private sealed class Plan(Shape shape, Kind kind)
    {
        public Shape Shape { get; } = shape;
        public Kind Kind { get; } = kind;
        public Slot[] Slots { get; init; } = [];
        public (JsonEncodedText JsonName, string LocalName, string Type)[] Attributes { get; init; } = [];
        public bool NeedsTree { get; init; }
        public byte[] ItemName { get; init; } = [];
        public Plan? Item { get; set; }
    }

    private sealed class Slot(byte[] xmlName, JsonEncodedText jsonName, Shape target)
    {
        public byte[] XmlName { get; } = xmlName;
        public JsonEncodedText JsonName { get; } = jsonName;
        public Shape Target { get; } = target;
        public Plan? Plan { get; set; }
    }

    // Keyed by the shape itself (reference equality): shapes belong to one model and live as long as it.
    private static readonly ConcurrentDictionary<Shape, Plan> Plans = new();

    /// <summary>The answer's output structure: the root element (ec2) or the root's <paramref name="wrapper"/> child (query).</summary>
    /// <exception cref="InvalidDataException">The answer is not well-formed XML, or a value does not fit its shape.</exception>
    public static void Write(ServiceModel model, ReadOnlyMemory<byte> body, Shape output, string? wrapper, Utf8JsonWriter json)
    {
        var xml = new XmlScanner(body);
        xml.ReadRoot();
        var plan = PlanOf(model, output);
        if (wrapper is null)
        {
            WriteValue(model, xml, plan, json);
        }
        else
        {
            // The first wrapper element is the answer; the rest is read only to check it is well-formed.
            var written = false;
            var empty = xml.IsEmptyElement;
            while (!empty && xml.NextChild())
            {
                if (!written && Ascii.Equals(xml.LocalName, wrapper))
                {
                    WriteValue(model, xml, plan, json);
                    written = true;
                }
                else
                {
                    xml.Skip();
                }
            }

            if (!written)
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }
        }

        xml.End();
    }

    private static void WriteValue(ServiceModel model, XmlScanner xml, Plan plan, Utf8JsonWriter json)
    {
        switch (plan.Kind)
        {
            case Kind.Structure when plan.NeedsTree:
                ReadStructure(model, xml, plan.Shape).WriteTo(json);
                return;
            case Kind.Structure:
                WriteStructure(model, xml, plan, json);
                return;
            case Kind.List:
                WriteList(model, xml, plan, json);
                return;
            case Kind.Map:
                ReadMap(model, xml, plan.Shape).WriteTo(json);
                return;
            case Kind.Text:
                json.WriteStringValue(xml.ReadText());
                return;
            default:
                WriteScalar(xml.ReadText(), plan, json);
                return;
        }
    }

    private static void WriteStructure(ServiceModel model, XmlScanner xml, Plan plan, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (xml.AttributeCount > 0)
        {
            foreach (var (jsonName, localName, type) in plan.Attributes)
            {
                if (xml.Attribute(localName) is { } attribute)
                {
                    json.WritePropertyName(jsonName);
                    WireValues.WriteScalar(json, attribute, type);
                }
            }
        }

        if (xml.IsEmptyElement)
        {
            json.WriteEndObject();
            return;
        }

        // The first occurrence of a member wins, as in the tree reader.
        var slots = plan.Slots;
        var seen = 0UL;
        var seenMany = slots.Length > 64 ? new bool[slots.Length] : null;
        var cursor = 0;
        while (xml.NextChild())
        {
            var ordinal = Find(slots, xml.LocalName, ref cursor);
            if (ordinal < 0 || Seen(ref seen, seenMany, ordinal))
            {
                xml.Skip();
                continue;
            }

            var slot = slots[ordinal];
            json.WritePropertyName(slot.JsonName);
            WriteValue(model, xml, slot.Plan ??= PlanOf(model, slot.Target), json);
        }

        json.WriteEndObject();
    }

    /// <summary>The member an element names, searched from after the last one found: answers list members in model order.</summary>
    private static int Find(Slot[] slots, ReadOnlySpan<byte> name, ref int cursor)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            var at = cursor + i < slots.Length ? cursor + i : cursor + i - slots.Length;
            if (name.SequenceEqual(slots[at].XmlName))
            {
                cursor = at + 1;
                return at;
            }
        }

        return -1;
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

    private static void WriteList(ServiceModel model, XmlScanner xml, Plan plan, Utf8JsonWriter json)
    {
        json.WriteStartArray();
        if (xml.IsEmptyElement)
        {
            json.WriteEndArray();
            return;
        }

        var item = plan.Item ??= PlanOf(model, model.Shape(plan.Shape.Member!.Shape));
        while (xml.NextChild())
        {
            if (xml.LocalName.SequenceEqual(plan.ItemName))
            {
                WriteValue(model, xml, item, json);
            }
            else
            {
                xml.Skip();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>A scalar from its UTF-8 text; anything the fast paths do not take goes through <see cref="WireValues"/>' text rules.</summary>
    private static void WriteScalar(ReadOnlySpan<byte> text, Plan plan, Utf8JsonWriter json)
    {
        switch (plan.Kind)
        {
            case Kind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                json.WriteNumberValue(l);
                return;
            case Kind.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                json.WriteNumberValue(d);
                return;
            case Kind.Boolean when Ascii.IsValid(text):
                json.WriteBooleanValue(Ascii.EqualsIgnoreCase(text.Trim(" \t\n\r\v\f"u8), "true"u8));
                return;
            case Kind.Timestamp when IsoTimestamp.TryWriteCli(text, json):
                return;
            case Kind.PolicyDocument:
                XmlResponseReader.PolicyDocument(Encoding.UTF8.GetString(text))!.WriteTo(json);
                return;
            default:
                WireValues.WriteScalar(json, Encoding.UTF8.GetString(text), plan.Shape.Type);
                return;
        }
    }

    /// <summary>A structure as a tree: model member names, the first occurrence of a member wins, unknown elements skipped.</summary>
    private static JsonObject ReadStructure(ServiceModel model, XmlScanner xml, Shape shape)
    {
        var result = new JsonObject();
        if (xml.AttributeCount > 0)
        {
            foreach (var (jsonName, localName, type) in PlanOf(model, shape).Attributes)
            {
                if (xml.Attribute(localName) is { } attribute)
                {
                    result[jsonName.Value] = WireValues.Scalar(attribute, type);
                }
            }
        }

        if (xml.IsEmptyElement)
        {
            return result;
        }

        var slots = XmlMemberSlots.Index(model, shape);
        while (xml.NextChild())
        {
            if (!slots.TryGetValue(Encoding.UTF8.GetString(xml.LocalName), out var slot))
            {
                xml.Skip();
                continue;
            }

            var target = model.Shape(slot.Reference.Shape);
            if (slot.FlattenedList)
            {
                if (result[slot.Name] is not JsonArray items)
                {
                    result[slot.Name] = items = [];
                }

                items.Add(ReadValue(model, xml, model.Shape(target.Member!.Shape)));
            }
            else if (result.ContainsKey(slot.Name))
            {
                xml.Skip();
            }
            else
            {
                result[slot.Name] = ReadValue(model, xml, target);
            }
        }

        return result;
    }

    private static JsonNode? ReadValue(ServiceModel model, XmlScanner xml, Shape shape)
    {
        switch (shape.Type)
        {
            case "structure":
                return ReadStructure(model, xml, shape);
            case "list":
                var list = new JsonArray();
                var itemName = shape.Member!.LocationName ?? "member";
                var itemShape = model.Shape(shape.Member.Shape);
                var empty = xml.IsEmptyElement;
                while (!empty && xml.NextChild())
                {
                    if (Ascii.Equals(xml.LocalName, itemName))
                    {
                        list.Add(ReadValue(model, xml, itemShape));
                    }
                    else
                    {
                        xml.Skip();
                    }
                }

                return list;
            case "map":
                return ReadMap(model, xml, shape);
            default:
                var text = Encoding.UTF8.GetString(xml.ReadText());
                return shape.Name == XmlResponseReader.PolicyDocumentShape ? XmlResponseReader.PolicyDocument(text) : WireValues.Scalar(text, shape.Type);
        }
    }

    /// <summary>A map as a tree: a repeated key keeps its first position.</summary>
    private static JsonObject ReadMap(ServiceModel model, XmlScanner xml, Shape shape)
    {
        var result = new JsonObject();
        var keyName = shape.Key!.LocationName ?? "key";
        var valueName = shape.Value!.LocationName ?? "value";
        var valueShape = model.Shape(shape.Value.Shape);

        void Entry()
        {
            string? key = null;
            JsonNode? value = null;
            var empty = xml.IsEmptyElement;
            while (!empty && xml.NextChild())
            {
                if (key is null && Ascii.Equals(xml.LocalName, keyName))
                {
                    key = Encoding.UTF8.GetString(xml.ReadText());
                }
                else if (Ascii.Equals(xml.LocalName, valueName))
                {
                    value = ReadValue(model, xml, valueShape);
                }
                else
                {
                    xml.Skip();
                }
            }

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
            var empty = xml.IsEmptyElement;
            while (!empty && xml.NextChild())
            {
                if (xml.LocalName.SequenceEqual("entry"u8))
                {
                    Entry();
                }
                else
                {
                    xml.Skip();
                }
            }
        }

        return result;
    }

    /// <summary>How a shape is read: its members by UTF-8 XML name, its attributes, whether it must be read as a tree.</summary>
    private static Plan PlanOf(ServiceModel model, Shape shape) =>
        Plans.GetOrAdd(shape, _ =>
        {
            switch (shape.Type)
            {
                case "structure":
                    var slots = new List<Slot>();
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    var needsTree = false;
                    foreach (var (name, member) in shape.Members.Where(m => m.Value.Location is null && !m.Value.XmlAttribute))
                    {
                        var target = model.Shape(member.Shape);
                        needsTree |= target.Type == "list" && (member.Flattened || target.Flattened);
                        if (names.Add(member.LocationName ?? name))
                        {
                            slots.Add(new Slot(Encoding.UTF8.GetBytes(member.LocationName ?? name), JsonEncodedText.Encode(name), target));
                        }
                    }

                    var attributes = shape.Members.Where(m => m.Value.XmlAttribute && m.Value.Location is null)
                        .Select(m => (m.Value.LocationName ?? m.Key) is var xmlName
                            ? (JsonEncodedText.Encode(m.Key), xmlName[(xmlName.IndexOf(':', StringComparison.Ordinal) + 1)..], model.Shape(m.Value.Shape).Type)
                            : default)
                        .ToArray();
                    return new Plan(shape, Kind.Structure) { Slots = [.. slots], Attributes = attributes, NeedsTree = needsTree };
                case "list":
                    return new Plan(shape, Kind.List) { ItemName = Encoding.UTF8.GetBytes(shape.Member!.LocationName ?? "member") };
                case "map":
                    return new Plan(shape, Kind.Map);
                case var _ when shape.Name == XmlResponseReader.PolicyDocumentShape:
                    return new Plan(shape, Kind.PolicyDocument);
                case "boolean":
                    return new Plan(shape, Kind.Boolean);
                case "integer" or "long":
                    return new Plan(shape, Kind.Integer);
                case "float" or "double":
                    return new Plan(shape, Kind.Float);
                case "timestamp":
                    return new Plan(shape, Kind.Timestamp);
                default:
                    return new Plan(shape, Kind.Text);
            }
        });
}
