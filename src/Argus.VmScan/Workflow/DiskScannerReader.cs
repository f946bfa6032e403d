using Argus.VmScan.Disks;

namespace Argus.VmScan.Workflow;

/// <summary>The workflow's disk reader: the in-process <see cref="DiskScanner"/> (partition table, ext2/3/4, inventory and matching).</summary>
public sealed class DiskScannerReader(DiskScanner scanner) : IDiskReader
{
    public Task<IReadOnlyList<FileSystemScan>> ScanAsync(IBlockDevice device, string target, DateTimeOffset at, CancellationToken ct) =>
        scanner.ScanAsync(device, target, at, ct);
}
