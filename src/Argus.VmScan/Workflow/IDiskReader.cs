using Argus.VmScan.Disks;

namespace Argus.VmScan.Workflow;

/// <summary>Reads the file systems on a block device and scans them: the disk scanner, behind a seam tests can replace.</summary>
public interface IDiskReader
{
    Task<IReadOnlyList<FileSystemScan>> ScanAsync(IBlockDevice device, string target, DateTimeOffset at, CancellationToken ct);
}
