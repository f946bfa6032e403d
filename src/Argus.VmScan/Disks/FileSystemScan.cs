using Argus.Vulnerability;

namespace Argus.VmScan.Disks;

/// <summary>What one file system on a disk yielded.</summary>
/// <param name="Partition">Where it was found: "whole disk", or the partition ("p1", "GPT 2 'Linux filesystem'").</param>
/// <param name="FileSystemType">"ext4", "ext3", "ext2", "xfs", "swap", "unknown", ...</param>
/// <param name="Report">The inventory and matches, or null when the file system could not be read.</param>
/// <param name="Error">Why it could not be read (unsupported type, corrupt superblock at byte N, limit hit), else null.</param>
public sealed record FileSystemScan(string Partition, string FileSystemType, ScanReport? Report, string? Error);
