using Argus.Core.Model;

namespace Argus.Core.Inventory;

/// <summary>
/// One difference between two snapshots' inventories. For <see cref="AssetChangeKind.Changed"/>,
/// <see cref="ChangedFields"/> names what differs: <c>name</c>, <c>tags</c>, <c>type</c> or a top-level property.
/// </summary>
public sealed record AssetChange(AssetChangeKind Kind, Asset? Before, Asset? After, IReadOnlyList<string> ChangedFields)
{
    public Asset Asset => After ?? Before!;
}
