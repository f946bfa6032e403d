using System.Buffers;
using System.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Argus.Aws.Normalization;

/// <summary>
/// Writes asset properties as compact JSON (the same text as <c>JsonText.Compact</c>), reusing one buffer for a
/// whole group because it runs once per asset.
/// </summary>
internal sealed class PropertyWriter
{
    private static readonly SearchValues<byte> WhitespaceOrQuote = SearchValues.Create(" \t\r\n\""u8);
    private static readonly byte[] Whitespace = " \t\r\n"u8.ToArray();

    private readonly ArrayBufferWriter<byte> buffer = new(16 * 1024);
    private readonly Utf8JsonWriter writer;

    public PropertyWriter() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = true });

    /// <summary>
    /// The element as compact JSON: its own text in the answer without the whitespace between tokens, so strings
    /// keep the escapes the CLI printed. Copying the text is several times faster than re-writing every token,
    /// and this runs for every asset.
    /// </summary>
    public string Compact(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        buffer.ResetWrittenCount();
        var output = buffer.GetSpan(raw.Length);
        var written = 0;
        while (!raw.IsEmpty)
        {
            // Copy up to the next whitespace or string, drop whitespace, copy strings whole.
            var next = raw.IndexOfAny(WhitespaceOrQuote);
            if (next < 0)
            {
                raw.CopyTo(output[written..]);
                written += raw.Length;
                break;
            }

            raw[..next].CopyTo(output[written..]);
            written += next;
            raw = raw[next..];
            if (raw[0] != (byte)'"')
            {
                raw = raw.TrimStart(Whitespace);
                continue;
            }

            var end = StringEnd(raw);
            raw[..end].CopyTo(output[written..]);
            written += end;
            raw = raw[end..];
        }

        return Encoding.UTF8.GetString(output[..written]);
    }

    /// <summary>The length of the string token at the start of <paramref name="json"/>, quotes included.</summary>
    private static int StringEnd(ReadOnlySpan<byte> json)
    {
        var at = 1;
        while (true)
        {
            var next = json[at..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return json.Length;
            }

            at += next;
            if (json[at] == (byte)'"')
            {
                return at + 1;
            }

            at += 2;
            if (at >= json.Length)
            {
                return json.Length;
            }
        }
    }

    /// <summary>A one-member object such as <c>{"AccountId":"123456789012"}</c>, for assets no answer describes.</summary>
    public string Single(string name, string value)
    {
        Begin();
        writer.WriteStartObject();
        writer.WriteString(name, value);
        writer.WriteEndObject();
        return End();
    }

    /// <summary>
    /// The object with extra members added (replacing members of the same name); extras without a value are left
    /// out. Used where per-resource answers enrich an item, e.g. a bucket's policy.
    /// </summary>
    public string Merge(JsonElement item, ReadOnlySpan<(string Name, JsonElement? Value)> extras)
    {
        Begin();
        writer.WriteStartObject();
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (!IsExtra(property.Name, extras))
                {
                    property.WriteTo(writer);
                }
            }
        }

        foreach (var (name, value) in extras)
        {
            if (value is { } v)
            {
                writer.WritePropertyName(name);
                v.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        return End();
    }

    /// <summary>The element without members of the given names at any depth (secrets such as VPN pre-shared keys).</summary>
    public string Redacted(JsonElement element, IReadOnlySet<string> names)
    {
        Begin();
        WriteRedacted(element, names);
        return End();
    }

    private void WriteRedacted(JsonElement element, IReadOnlySet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Contains(property.Name))
                    {
                        writer.WritePropertyName(property.Name);
                        WriteRedacted(property.Value, names);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var child in element.EnumerateArray())
                {
                    WriteRedacted(child, names);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static bool IsExtra(string name, ReadOnlySpan<(string Name, JsonElement? Value)> extras)
    {
        foreach (var extra in extras)
        {
            if (extra.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private void Begin()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }

    private string End()
    {
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
