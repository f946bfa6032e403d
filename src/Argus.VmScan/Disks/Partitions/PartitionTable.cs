namespace Argus.VmScan.Disks.Partitions;

/// <summary>The partitions a disk's table declares, and what the reader noticed on the way (a backup GPT header used).</summary>
public sealed record PartitionTable(string Scheme, IReadOnlyList<DiskPartition> Partitions, IReadOnlyList<string> Notices);
