using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Cli.Commands;

/// <summary>Writes assets as JSON with their provider properties embedded verbatim, one asset at a time.</summary>
public static class AssetJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(Asset asset)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, asset);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, Asset asset)
    {
        writer.WriteStartObject();
        writer.WriteString("id", asset.Id);
        writer.WriteString("type", asset.Type);
        writer.WriteString("provider", asset.Provider.ToName());
        writer.WriteString("account", asset.Account);
        writer.WriteString("region", asset.Region);
        writer.WriteString("name", asset.Name);
        writer.WriteStartObject("tags");
        foreach (var (key, value) in asset.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("properties");
        writer.WriteRawValue(asset.Properties, skipInputValidation: true);
        writer.WriteEndObject();
    }

    /// <summary>Streams a JSON array of assets to a text writer without holding them all.</summary>
    public static void WriteArray(TextWriter output, IEnumerable<Asset> assets)
    {
        output.Write('[');
        var first = true;
        foreach (var asset in assets)
        {
            output.Write(first ? "\n" : ",\n");
            output.Write(Serialize(asset));
            first = false;
        }

        output.WriteLine(first ? "]" : "\n]");
    }
}
