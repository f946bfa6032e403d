using Argus.VmScan.Disks;
using Argus.VmScan.Disks.Ext4;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Tests.Support;

/// <summary>Opens an image's ext file system and copies it out with <see cref="WantsEverything"/>.</summary>
internal static class Extraction
{
    public static async Task<(string Root, IReadOnlyList<InventoryNotice> Notices)> ExtractAllAsync(string image, string folder, DiskScanLimits? limits = null)
    {
        await using var device = new FileBlockDevice(image);
        var fs = await Ext4FileSystem.OpenAsync(device, 0, CancellationToken.None);
        var root = Path.Combine(folder, "out");
        Directory.CreateDirectory(root);
        var extractor = new Ext4Extractor(fs, [new WantsEverything()], limits ?? new DiskScanLimits(), root);
        await extractor.ExtractAsync(CancellationToken.None);
        return (root, extractor.Notices);
    }
}
