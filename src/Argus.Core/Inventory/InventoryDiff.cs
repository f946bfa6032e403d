using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Core.Inventory;

/// <summary>
/// Compares two inventories streamed in ordinal id order (as the store returns them), in one pass and constant
/// memory, so two 1,000,000-asset snapshots can be compared without loading either.
/// </summary>
public static class InventoryDiff
{
    public static IEnumerable<AssetChange> Compare(IEnumerable<Asset> before, IEnumerable<Asset> after)
    {
        using var b = before.GetEnumerator();
        using var a = after.GetEnumerator();
        var hasB = b.MoveNext();
        var hasA = a.MoveNext();
        string? lastB = null, lastA = null;
        while (hasB || hasA)
        {
            var order = !hasB ? 1 : !hasA ? -1 : string.CompareOrdinal(b.Current.Id, a.Current.Id);
            if (order < 0)
            {
                lastB = CheckOrder(lastB, b.Current.Id);
                yield return new AssetChange(AssetChangeKind.Disappeared, b.Current, null, []);
                hasB = b.MoveNext();
            }
            else if (order > 0)
            {
                lastA = CheckOrder(lastA, a.Current.Id);
                yield return new AssetChange(AssetChangeKind.Appeared, null, a.Current, []);
                hasA = a.MoveNext();
            }
            else
            {
                lastB = CheckOrder(lastB, b.Current.Id);
                lastA = CheckOrder(lastA, a.Current.Id);
                var fields = ChangedFields(b.Current, a.Current);
                if (fields.Count > 0)
                {
                    yield return new AssetChange(AssetChangeKind.Changed, b.Current, a.Current, fields);
                }

                hasB = b.MoveNext();
                hasA = a.MoveNext();
            }
        }
    }

    /// <summary>The fields that differ between two versions of one asset; empty when they are the same.</summary>
    public static IReadOnlyList<string> ChangedFields(Asset before, Asset after)
    {
        var fields = new List<string>();
        if (before.Type != after.Type)
        {
            fields.Add("type");
        }

        if (before.Name != after.Name)
        {
            fields.Add("name");
        }

        if (!SameTags(before.Tags, after.Tags))
        {
            fields.Add("tags");
        }

        if (before.Properties != after.Properties)
        {
            fields.AddRange(ChangedProperties(before.Properties, after.Properties));
        }

        return fields;
    }

    private static bool SameTags(IReadOnlyDictionary<string, string> x, IReadOnlyDictionary<string, string> y) =>
        x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static IEnumerable<string> ChangedProperties(string before, string after)
    {
        using var x = JsonDocument.Parse(before);
        using var y = JsonDocument.Parse(after);
        if (x.RootElement.ValueKind != JsonValueKind.Object || y.RootElement.ValueKind != JsonValueKind.Object)
        {
            return JsonElement.DeepEquals(x.RootElement, y.RootElement) ? [] : ["properties"];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in x.RootElement.EnumerateObject())
        {
            if (!y.RootElement.TryGetProperty(p.Name, out var other) || !JsonElement.DeepEquals(p.Value, other))
            {
                names.Add(p.Name);
            }
        }

        foreach (var p in y.RootElement.EnumerateObject())
        {
            if (!x.RootElement.TryGetProperty(p.Name, out _))
            {
                names.Add(p.Name);
            }
        }

        // Tags are reported once, as "tags", not again as a property.
        names.Remove("Tags");
        names.Remove("TagSet");
        return names;
    }

    private static string CheckOrder(string? previous, string current) =>
        previous is not null && string.CompareOrdinal(previous, current) >= 0
            ? throw new InvalidOperationException($"Inventory diff needs assets in ordinal id order; '{current}' came after '{previous}'.")
            : current;
}
