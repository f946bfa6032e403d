using System.Text.Json;

namespace Argus.Aws.Normalization;

/// <summary>
/// Walks the entries of an optional list member without allocating; a member that is present but not a list is
/// reported once, when the cursor is made.
/// </summary>
internal struct ListCursor
{
    private readonly bool isList;
    private JsonElement.ArrayEnumerator entries;

    public ListCursor(NormalizationContext context, Item owner, string property)
    {
        Index = -1;
        isList = context.List(owner, property, out var list);
        entries = isList ? list.EnumerateArray() : default;
    }

    /// <summary>The position of the current entry.</summary>
    public int Index { get; private set; }

    public bool Next(out JsonElement entry)
    {
        if (isList && entries.MoveNext())
        {
            Index++;
            entry = entries.Current;
            return true;
        }

        entry = default;
        return false;
    }
}
