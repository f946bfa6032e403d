namespace Argus.VmScan.Ebs;

/// <summary>A snapshot block whose answer does not check out (checksum, length, algorithm): the data is not used.</summary>
public sealed class EbsBlockException(string snapshotId, long blockIndex, string message)
    : IOException($"{snapshotId} block {blockIndex}: {message}")
{
    public string SnapshotId { get; } = snapshotId;

    public long BlockIndex { get; } = blockIndex;
}
