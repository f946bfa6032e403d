namespace Argus.Core.Model;

/// <summary>Sizes of a stored snapshot, kept with it so listings need no scan.</summary>
public sealed record SnapshotCounts(long Documents, long Assets, long Relations)
{
    public static SnapshotCounts Empty { get; } = new(0, 0, 0);
}
