using Argus.Core.Json;
using System.Text.Json;

namespace Argus.Aws.CliImport;

/// <summary>
/// Joins pages of one answer (files printed with <c>--max-items</c> / <c>--starting-token</c>) into the answer the
/// CLI prints without paging: the item lists concatenated in file order, the other keys from the first page,
/// pagination keys dropped.
/// </summary>
internal static class PageMerger
{
    public static byte[] Merge(IReadOnlyList<JsonElement> pages, string itemKey)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var property in pages[0].EnumerateObject())
            {
                if (OperationRecognizer.PaginationKeys.Contains(property.Name))
                {
                    continue;
                }

                if (property.NameEquals(itemKey))
                {
                    writer.WriteStartArray(itemKey);
                    foreach (var page in pages)
                    {
                        if (page.TryGetProperty(itemKey, out var items) && items.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var item in items.EnumerateArray())
                            {
                                item.WriteTo(writer);
                            }
                        }
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>True when the page says more pages follow.</summary>
    public static bool HasMore(JsonElement page)
    {
        foreach (var property in page.EnumerateObject())
        {
            if (property.NameEquals("IsTruncated") ? property.Value.ValueKind == JsonValueKind.True
                : OperationRecognizer.PaginationKeys.Contains(property.Name) && property.Name.StartsWith("Next", StringComparison.OrdinalIgnoreCase)
                  && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
