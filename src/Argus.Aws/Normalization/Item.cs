using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>
/// One JSON object inside a raw document, with where it was found so a warning can name it
/// (<c>Vpcs[3]</c>, <c>Reservations[0].Instances[1].SecurityGroups[0]</c>). The position is kept as parts and only
/// formatted for a warning, because items are made for every resource. The element lives only as long as its
/// document is open.
/// </summary>
internal readonly struct Item(RawDocument document, JsonElement json, string name, int index, ItemPath? parent = null)
{
    public RawDocument Document { get; } = document;

    public JsonElement Json { get; } = json;

    /// <summary>The item's position in its document, for warnings.</summary>
    public string Where => ItemPath.Format(parent, name, index);

    /// <summary>This item as the parent of the items inside it.</summary>
    public ItemPath AsParent() => new(parent, name, index);
}
