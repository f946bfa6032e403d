namespace Argus.VmScan.Disks;

/// <summary>A disk structure (partition table, superblock, inode, extent) that is corrupt or hostile, with the byte offset where it is.</summary>
public sealed class DiskFormatException(long offset, string message)
    : Exception($"at byte {offset}: {message}")
{
    /// <summary>The byte offset on the device (not inside a partition) of the bad structure.</summary>
    public long Offset { get; } = offset;
}
