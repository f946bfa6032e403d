using Argus.VmScan.Disks;

namespace Argus.VmScan.Workflow;

/// <summary>What scanning one volume gave.</summary>
/// <param name="Scans">Each file system's inventory and matches; null when the volume was read in an earlier run (see <paramref name="Summary"/>) or failed.</param>
/// <param name="Summary">A one-line summary, kept in the journal so a resumed scan can still name what an earlier run found.</param>
/// <param name="Error">Why the volume could not be scanned.</param>
public sealed record VolumeOutcome(PlannedInstance Instance, PlannedVolume Volume, ReadMode Mode, IReadOnlyList<FileSystemScan>? Scans, string? Summary, string? Error);
