using System.Globalization;
using System.Text.Json;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>The small shapes that recur across AWS answers.</summary>
internal static class JsonWriting
{
    /// <summary>A timestamp as AWS CLI v2 prints it: ISO 8601 with an explicit <c>+00:00</c>.</summary>
    public static void WriteTime(this Utf8JsonWriter w, ReadOnlySpan<byte> name, DateTimeOffset time)
    {
        Span<byte> text = stackalloc byte[32];
        time.UtcDateTime.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        w.WriteString(name, text[..length]);
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>EC2's <c>[{"Key":..,"Value":..}]</c> list under <paramref name="name"/> (<c>Tags</c>, or <c>TagSet</c> for interfaces).</summary>
    public static void WriteTags(this Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<Tag> tags) =>
        w.WriteObjects(name, tags, tag =>
        {
            w.WriteString("Key"u8, tag.Key);
            w.WriteString("Value"u8, tag.Value);
        });

    public static void WriteTags(this Utf8JsonWriter w, IReadOnlyList<Tag> tags) => w.WriteTags("Tags"u8, tags);

    /// <summary>A gateway's attachment list: one VPC, in the state the gateway's API words it.</summary>
    public static void WriteVpcAttachment(this Utf8JsonWriter w, ReadOnlySpan<byte> name, string state, string vpcId)
    {
        w.WriteStartArray(name);
        w.WriteStartObject();
        w.WriteString("State"u8, state);
        w.WriteString("VpcId"u8, vpcId);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>An array of objects under <paramref name="name"/>; <paramref name="write"/> fills each one.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter w, ReadOnlySpan<byte> name, IEnumerable<T> items, Action<T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            write(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteStrings(this Utf8JsonWriter w, ReadOnlySpan<byte> name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    public static void WriteEmptyArray(this Utf8JsonWriter w, ReadOnlySpan<byte> name)
    {
        w.WriteStartArray(name);
        w.WriteEndArray();
    }

    public static void WriteStringOrNull(this Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Writes the property only when the value is set, as the CLI omits absent members.</summary>
    public static void WriteOptional(this Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
