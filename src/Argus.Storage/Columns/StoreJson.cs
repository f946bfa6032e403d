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

    public static string Scopes(IEnumerable<Scope> scopes) =>
        Objects(scopes, s => [("provider", s.Provider.ToName()), ("account", s.Account), ("region", s.Region)]);

    public static IReadOnlyList<Scope> ParseScopes(string json) =>
        ParseObjects(json, field => new Scope(StoreNames.ParseProvider(field("provider")), field("account"), field("region")));

    public static string Frameworks(IEnumerable<FrameworkReference> frameworks) =>
        Objects(frameworks, f => [("framework", f.Framework), ("requirement", f.Requirement)]);

    public static IReadOnlyList<FrameworkReference> ParseFrameworks(string json) =>
        ParseObjects(json, field => new FrameworkReference(field("framework"), field("requirement")));

    /// <summary>An array of flat objects of strings.</summary>
    private static string Objects<T>(IEnumerable<T> items, Func<T, (string Name, string Value)[]> fields) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields(item))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads what <see cref="Objects"/> wrote; <c>create</c> gets a lookup of each object's string fields.</summary>
    private static List<T> ParseObjects<T>(string json, Func<Func<string, string>, T> create)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => create(name => Property(e, name))).ToList();
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
