namespace Argus.VmScan.Disks;

/// <summary>
/// Bounds on what a disk scan copies out of a file system for the inventory to read. A limit that is hit leaves
/// a notice in the report (the inventory is then partial), never a silent gap.
/// </summary>
public sealed record DiskScanLimits
{
    /// <summary>Bytes copied out per file system (the copy lives in memory-backed /dev/shm when it exists).</summary>
    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest single file copied out (a Java archive, a Go binary, an RPM database).</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Files copied out per file system.</summary>
    public int MaxFiles { get; init; } = 200_000;

    /// <summary>Directory entries looked at per file system: bounds the walk's time on a hostile image.</summary>
    public long MaxEntries { get; init; } = 10_000_000;

    /// <summary>Directory nesting followed.</summary>
    public int MaxDepth { get; init; } = 256;
}
