namespace Argus.Aws.Normalization;

/// <summary>The position of an item that contains other items: a member name, an index (or -1), and its own parent.</summary>
internal sealed record ItemPath(ItemPath? Parent, string Name, int Index)
{
    public static string Format(ItemPath? parent, string name, int index)
    {
        var own = index < 0 ? name : $"{name}[{index}]";
        return parent is null ? own : $"{Format(parent.Parent, parent.Name, parent.Index)}.{own}";
    }
}
