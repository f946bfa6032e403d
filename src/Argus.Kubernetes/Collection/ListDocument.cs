using System.Buffers;
using System.Text.Json;
using Argus.Core.Json;
using Argus.Kubernetes.Permissions;

namespace Argus.Kubernetes.Collection;

/// <summary>Writes a merged List object: the first page's kind, apiVersion and resourceVersion, every page's items.</summary>
internal static class ListDocument
{
    public static byte[] Write(KubernetesResource resource, JsonElement firstPage, IEnumerable<JsonElement> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", firstPage.GetString("kind") ?? resource.Kind + "List");
            writer.WriteString("apiVersion", firstPage.GetString("apiVersion") ?? resource.ApiVersion);
            writer.WriteStartObject("metadata");
            if (firstPage.GetObject("metadata")?.GetString("resourceVersion") is { } version)
            {
                writer.WriteString("resourceVersion", version);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
