using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Posture.Outputs;

/// <summary>Indented JSON writing with the relaxed escaping the rest of Argus uses, and evidence embedded as JSON.</summary>
internal static class JsonOutput
{
    public static Utf8JsonWriter Open(Stream stream) => new(stream, JsonText.WriterOptions with { Indented = true, SkipValidation = false });

    /// <summary>Writes a stored evidence string as a JSON value (or as text when it is not JSON).</summary>
    public static void WriteEvidence(Utf8JsonWriter w, string property, string evidence)
    {
        w.WritePropertyName(property);
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrEmpty(evidence) ? "{}" : evidence);
            doc.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(evidence);
        }
    }

    public static void Strings(Utf8JsonWriter w, string property, IEnumerable<string> values)
    {
        w.WriteStartArray(property);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
