using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Storage.Columns;

/// <summary>
/// The small JSON values kept in columns: tags (an object of strings, keys in ordinal order so equal tags are
/// equal text), snapshot scopes and a finding's framework references. Written and read by hand because they
/// sit on the million-asset path.
/// </summary>
internal static class StoreJson
{
    public const string EmptyObject = "{}";

    // Readable text in the database: only what JSON itself requires is escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    public static string Tags(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count == 0)
        {
            return EmptyObject;
        }

        return Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var key in tags.Keys.Order(StringComparer.Ordinal))
            {
                writer.WriteString(key, tags[key]);
            }

            writer.WriteEndObject();
        });
    }

    public static IReadOnlyDictionary<string, string> ParseTags(string json)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json == EmptyObject)
        {
            return tags;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "tags");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            Expect(reader.Read() && reader.TokenType == JsonTokenType.String, "tags");
            tags[key] = reader.GetString()!;
        }

        return tags;
    }

    public static string Scopes(IEnumerable<Scope> scopes) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var s in scopes)
        {
            writer.WriteStartObject();
            writer.WriteString("provider", s.Provider.ToName());
            writer.WriteString("account", s.Account);
            writer.WriteString("region", s.Region);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<Scope> ParseScopes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => new Scope(StoreNames.ParseProvider(Property(e, "provider")), Property(e, "account"), Property(e, "region")))
            .ToList();
    }

    public static string Frameworks(IEnumerable<FrameworkReference> frameworks) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var f in frameworks)
        {
            writer.WriteStartObject();
            writer.WriteString("framework", f.Framework);
            writer.WriteString("requirement", f.Requirement);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<FrameworkReference> ParseFrameworks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => new FrameworkReference(Property(e, "framework"), Property(e, "requirement")))
            .ToList();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var target = buffer ??= new ArrayBufferWriter<byte>(1024);
        target.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(target, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(target.WrittenSpan);
    }

    private static string Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new StoreException($"stored JSON lacks the string '{name}' in {element.GetRawText()}");

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new StoreException($"stored {what} JSON is not an object of strings");
        }
    }
}
