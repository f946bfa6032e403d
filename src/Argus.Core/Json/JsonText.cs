using System.Text;
using System.Text.Json;

namespace Argus.Core.Json;

/// <summary>Small JSON helpers shared by normalizers and stores.</summary>
public static class JsonText
{
    /// <summary>
    /// Writer settings that keep text as the provider's CLI printed it: non-ASCII characters and HTML-sensitive
    /// ones are not turned into \u escapes.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = false,
        SkipValidation = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The element re-written without insignificant whitespace, as UTF-8.</summary>
    public static byte[] CompactUtf8(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The element re-written without insignificant whitespace.</summary>
    public static string Compact(JsonElement element) => Encoding.UTF8.GetString(CompactUtf8(element));

    /// <summary>Parse options that tolerate what real CLI output contains (comments are not valid, trailing commas are not).</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 256 };

    public static string? GetString(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    public static bool? GetBool(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : null;

    /// <summary>The array under <paramref name="property"/>, or nothing when absent or not an array.</summary>
    public static IEnumerable<JsonElement> GetArray(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray()
            : [];

    public static JsonElement? GetObject(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Object
            ? v
            : null;
}
