using System.Collections.Concurrent;
using System.Text;
using Argus.VmScan.Disks;
using Argus.VmScan.Workflow;
using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// The reading seam's test double: checks the ext4 superblock magic and reports the volume label, which tells the
/// test exactly which disk's bytes reached the scanner.
/// </summary>
internal sealed class SuperblockReader : IDiskReader
{
    public ConcurrentQueue<string> Labels { get; } = new();

    public async Task<IReadOnlyList<FileSystemScan>> ScanAsync(IBlockDevice device, string target, DateTimeOffset at, CancellationToken ct)
    {
        var superblock = new byte[1024];
        await device.ReadAsync(1024, superblock, ct);
        if (BitConverter.ToUInt16(superblock, 0x38) != 0xEF53)
        {
            return [new FileSystemScan("whole disk", "unknown", null, "no ext4 superblock at byte 1024")];
        }

        var label = Encoding.ASCII.GetString(superblock, 0x78, 16).TrimEnd('\0');
        Labels.Enqueue(label);
        var inventory = new SoftwareInventory(target + " " + label, null, [], []);
        return [new FileSystemScan("whole disk", "ext4", new ScanReport(inventory, [], null, at, "test"), null)];
    }
}
