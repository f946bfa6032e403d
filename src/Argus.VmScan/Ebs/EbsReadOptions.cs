namespace Argus.VmScan.Ebs;

/// <summary>How <see cref="EbsSnapshotBlockDevice"/> caches and reads ahead; ext4 reads are scattered, files within an extent are not.</summary>
/// <param name="CacheBlocks">512 KiB blocks kept in memory (least recently used leave first).</param>
/// <param name="ReadAhead">Following blocks requested when one is read.</param>
/// <param name="MaxInFlight">GetSnapshotBlock requests at once.</param>
public sealed record EbsReadOptions(int CacheBlocks = 128, int ReadAhead = 4, int MaxInFlight = 4);
