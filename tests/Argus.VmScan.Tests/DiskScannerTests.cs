using Argus.VmScan.Disks;
using Argus.VmScan.Tests.Support;
using Argus.Tests;
using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Tests;

/// <summary>Whole disks through <see cref="DiskScanner"/>: the inventory of an ext4 image equals the scan of the folder it was built from.</summary>
public sealed class DiskScannerTests : IDisposable
{
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<IReadOnlyList<FileSystemScan>> ScanAsync(string image, string target)
    {
        await using var device = new FileBlockDevice(image);
        return await new DiskScanner(new VulnerabilityScanner(null)).ScanAsync(device, target, DateTimeOffset.UnixEpoch, CancellationToken.None);
    }

    [RootfsFact]
    public async Task The_debian_rootfs_as_an_ext4_image_gives_the_packages_of_the_folder_scan()
    {
        var image = DiskImages.MakeExt(folder, DiskImages.DebianRootfs, "-t ext4", "768M");
        var expected = new VulnerabilityScanner(null).Scan(new RootFileSystem(DiskImages.DebianRootfs), "rootfs", DateTimeOffset.UnixEpoch);

        var scan = Assert.Single(await ScanAsync(image, "vol-0abc"));

        Assert.Equal(("whole disk", "ext4", (string?)null), (scan.Partition, scan.FileSystemType, scan.Error));
        var inventory = scan.Report!.Inventory;
        Assert.Equal("vol-0abc", inventory.Target);
        Assert.Equal(expected.Inventory.Os, inventory.Os);
        Assert.True(expected.Inventory.Packages.Count > 80);
        Assert.Equal(expected.Inventory.Packages.Select(p => (p.Purl, p.Location)), inventory.Packages.Select(p => (p.Purl, p.Location)));
        Assert.Equal(expected.Inventory.Notices, inventory.Notices.Where(n => !n.Path.StartsWith('(')));
    }

    [ToolFact("sfdisk", "mke2fs")]
    public async Task Every_partition_of_a_gpt_disk_is_reported_and_the_ext4_one_is_scanned()
    {
        var root = Path.Combine(folder, "root");
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "usr/lib"));
        Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg"));
        File.WriteAllText(Path.Combine(root, "usr/lib/os-release"), "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
        File.CreateSymbolicLink(Path.Combine(root, "etc/os-release"), "../usr/lib/os-release");
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), "Package: openssl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.11-1~deb12u2\n\n");
        var image = Path.Combine(folder, "disk.img");
        var parts = PartitionedImages.Create(image, 96L << 20, "label: gpt\nsize=1MiB, type=21686148-6449-6E6F-744E-656564454649\nsize=8MiB, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F, name=swap\ntype=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=root\n");
        DiskImages.Patch(image, parts[1].Start + 4096 - 10, "SWAPSPACE2"u8);
        PartitionedImages.MakeExtAt(image, parts[2], root);

        var scans = await ScanAsync(image, "vol-1");

        Assert.Equal(["p1", "p2 'swap'", "p3 'root'"], scans.Select(s => s.Partition));
        Assert.Equal(["empty", "swap", "ext4"], scans.Select(s => s.FileSystemType));
        Assert.Equal("swap space holds no files", scans[1].Error);
        var report = scans[2].Report!;
        Assert.Equal("vol-1 p3", report.Inventory.Target);
        Assert.Equal("debian", report.Inventory.Os!.Id);
        Assert.Equal("pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12", Assert.Single(report.Inventory.Packages).Purl);
    }

    [ToolFact("mke2fs")]
    public async Task Xfs_and_unknown_contents_are_reported_not_skipped()
    {
        var image = Path.Combine(folder, "xfs.img");
        var bytes = new byte[1 << 20];
        "XFSB"u8.CopyTo(bytes);
        File.WriteAllBytes(image, bytes);

        var scan = Assert.Single(await ScanAsync(image, "vol-x"));

        Assert.Equal(new FileSystemScan("whole disk", "xfs", null, "XFS is detected but not read yet"), scan);
    }

    [ToolFact("sfdisk")]
    public async Task A_corrupt_partition_table_is_one_result_with_the_reason()
    {
        var image = Path.Combine(folder, "disk.img");
        PartitionedImages.Create(image, 16L << 20, "label: dos\nsize=8MiB, type=83\n");
        DiskImages.Patch(image, 446 + 12, [0xFF, 0xFF, 0xFF, 0x00]);

        var scan = Assert.Single(await ScanAsync(image, "vol-2"));

        Assert.Null(scan.Report);
        Assert.StartsWith("corrupt partition table at byte 446: MBR partition 1", scan.Error);
    }
}
