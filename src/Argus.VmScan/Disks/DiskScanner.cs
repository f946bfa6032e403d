using Argus.Core.Import;
using Argus.VmScan.Disks.Ext4;
using Argus.VmScan.Disks.Partitions;
using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Disks;

/// <summary>
/// Scans every file system of a disk (an image, a device node, an EBS snapshot) with the vulnerability scanner,
/// in process: the partition table is read, each ext2/3/4 file system is walked and only what the inventory
/// reads is copied to a private scratch directory, scanned, and deleted. Partitions that cannot be read are
/// reported with the reason, never skipped silently.
/// </summary>
public sealed class DiskScanner(VulnerabilityScanner scanner, DiskScanLimits? limits = null)
{
    private readonly DiskScanLimits limits = limits ?? new DiskScanLimits();

    /// <param name="target">How the disk is named in reports ("vol-0abc", an image path); each file system's target adds its partition ("vol-0abc p1").</param>
    public async Task<IReadOnlyList<FileSystemScan>> ScanAsync(IBlockDevice device, string target, DateTimeOffset at, CancellationToken ct)
    {
        PartitionTable table;
        try
        {
            table = await PartitionTableReader.ReadAsync(device, ct).ConfigureAwait(false);
        }
        catch (DiskFormatException e)
        {
            return [new FileSystemScan("partition table", "unknown", null, $"corrupt partition table {e.Message}")];
        }
        catch (IOException e)
        {
            return [new FileSystemScan("partition table", "unknown", null, $"the partition table could not be read: {e.Message}")];
        }

        var scans = new List<FileSystemScan>();
        foreach (var partition in table.Partitions)
        {
            var sub = new SubDevice(device, partition.Start, partition.Length);
            var name = partition.Name == "whole disk" ? target : $"{target} {partition.Name}";
            scans.Add(await ScanPartitionAsync(sub, partition, name, table.Notices, at, ct).ConfigureAwait(false));
        }

        return scans;
    }

    private async Task<FileSystemScan> ScanPartitionAsync(SubDevice device, DiskPartition partition, string target, IReadOnlyList<string> tableNotices, DateTimeOffset at, CancellationToken ct)
    {
        string type;
        Ext4FileSystem fs;
        try
        {
            type = await FileSystemProbe.DetectAsync(device, ct).ConfigureAwait(false);
            if (type != "ext")
            {
                return new FileSystemScan(partition.Description, type, null, FileSystemProbe.Unsupported(type));
            }

            fs = await Ext4FileSystem.OpenAsync(device, device.Start, ct).ConfigureAwait(false);
        }
        catch (DiskFormatException e)
        {
            return new FileSystemScan(partition.Description, "ext", null, $"corrupt ext superblock or group descriptors {e.Message}");
        }
        catch (IOException e)
        {
            // A device read that failed (an EBS block whose checksum does not match): this partition only.
            return new FileSystemScan(partition.Description, "unknown", null, $"could not be read: {e.Message}");
        }

        var typeName = fs.Superblock.TypeName;
        using var scratch = ScratchDirectory.Create();
        var extractor = new Ext4Extractor(fs, scanner.Inventory.FileCataloguers, limits, scratch.Path);
        await extractor.ExtractAsync(ct).ConfigureAwait(false);
        var extra = new List<InventoryNotice>();
        extra.AddRange(tableNotices.Select(n => new InventoryNotice("(partition table)", n)));
        if (scratch.Notice is { } where)
        {
            extra.Add(new InventoryNotice("(scan)", where));
        }

        if (fs.Superblock.Has(Ext4Superblock.IncompatRecover))
        {
            extra.Add(new InventoryNotice("(file system)", "the journal needs recovery (the volume was not cleanly unmounted): files written just before the snapshot may read stale"));
        }

        if (fs.Superblock.UnknownIncompat != 0)
        {
            extra.Add(new InventoryNotice("(file system)", $"incompatible features 0x{fs.Superblock.UnknownIncompat:x} are unknown to this reader; some files may read wrong"));
        }

        extra.AddRange(extractor.Notices);
        try
        {
            var report = scanner.Scan(new RootFileSystem(scratch.Path), target, at);
            var inventory = report.Inventory with { Notices = [.. extra, .. report.Inventory.Notices] };
            return new FileSystemScan(partition.Description, typeName, report with { Inventory = inventory }, null);
        }
        catch (ImportException e)
        {
            return new FileSystemScan(partition.Description, typeName, null, e.Message);
        }
    }
}
