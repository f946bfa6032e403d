using System.Buffers.Binary;
using Argus.VmScan.Disks;
using Argus.VmScan.Disks.Ext4;
using Argus.VmScan.Tests.Support;
using Argus.Tests;
using Argus.Vulnerability;

namespace Argus.VmScan.Tests;

/// <summary>
/// Good images with bytes patched: each corruption gives a precise message naming the inode or byte offset, the
/// rest of the file system is still read, and nothing hangs or escapes as a crash.
/// </summary>
public sealed class HostileImageTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(60);
    private readonly string folder = TestPaths.NewTempFolder();
    private readonly string image;

    public HostileImageTests()
    {
        image = DiskImages.Tool("mke2fs") is null ? "" : DiskImages.MakeExt(folder, SourceTree.Build(folder, largeDirectory: 10), "-t ext4 -b 4096", "64M");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<Ext4Inode> InodeAsync(string path)
    {
        await using var device = new FileBlockDevice(image);
        var fs = await Ext4FileSystem.OpenAsync(device, 0, CancellationToken.None);
        return (await fs.ResolveAsync(path, CancellationToken.None))!.Value.Inode;
    }

    private async Task<long> FirstBlockOffsetAsync(string path)
    {
        await using var device = new FileBlockDevice(image);
        var fs = await Ext4FileSystem.OpenAsync(device, 0, CancellationToken.None);
        var inode = (await fs.ResolveAsync(path, CancellationToken.None))!.Value.Inode;
        return (await fs.MapAsync(inode, CancellationToken.None))[0].Physical * fs.BlockSize;
    }

    private async Task<IReadOnlyList<Argus.Vulnerability.Inventory.InventoryNotice>> ExtractAsync()
    {
        var (root, notices) = await Extraction.ExtractAllAsync(image, folder).WaitAsync(NoHang);

        // Whatever was damaged, the untouched files are still read.
        Assert.True(File.Exists(Path.Combine(root, "deep/level0/level1/level2/level3/level4/level5/level6/level7/level8/level9/level10/level11/level12/level13/level14/level15/level16/level17/level18/level19/level20/level21/level22/level23/level24/level25/level26/level27/level28/level29/level30/level31/level32/level33/level34/level35/level36/level37/level38/level39/bottom.txt")));
        return notices;
    }

    private async Task<FileSystemScan> ScanAsync()
    {
        await using var device = new FileBlockDevice(image);
        var scans = await new DiskScanner(new VulnerabilityScanner(null)).ScanAsync(device, "img", DateTimeOffset.UnixEpoch, CancellationToken.None).WaitAsync(NoHang);
        return Assert.Single(scans);
    }

    [ToolFact("mke2fs")]
    public async Task A_block_size_outside_the_format_is_reported_at_its_offset()
    {
        DiskImages.Patch(image, 1024 + 0x18, [9, 0, 0, 0]);

        var scan = await ScanAsync();

        Assert.Null(scan.Report);
        Assert.Equal("corrupt ext superblock or group descriptors at byte 1048: block size 2^(10+9) is outside 1-64 KiB", scan.Error);
    }

    [ToolFact("mke2fs")]
    public async Task A_file_system_larger_than_its_partition_is_reported()
    {
        DiskImages.Patch(image, 1024 + 0x4, [0, 0, 0, 0x10]);

        var scan = await ScanAsync();

        Assert.Contains("at byte 1028: the file system claims 268435456 blocks of 4096 bytes but its partition holds 67108864 bytes", scan.Error);
    }

    [ToolFact("mke2fs")]
    public async Task An_inode_table_outside_the_file_system_is_reported_at_its_descriptor()
    {
        DiskImages.Patch(image, 4096 + 0x8, [0xFF, 0xFF, 0xFF, 0x7F]);

        var scan = await ScanAsync();

        Assert.Contains("at byte 4104: group 0's inode table at block 2147483647 lies outside", scan.Error);
    }

    [ToolFact("mke2fs")]
    public async Task A_looping_extent_tree_is_reported_for_its_inode()
    {
        var sparse = await InodeAsync("/sparse.dat");
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(sparse.Block.AsSpan(6)));
        var child = (long)BinaryPrimitives.ReadUInt32LittleEndian(sparse.Block.AsSpan(16));

        // Root depth 2, and the child becomes an index node (depth 1) pointing at itself.
        DiskImages.Patch(image, sparse.DiskOffset + 0x28 + 6, [2, 0]);
        var node = new byte[24];
        BinaryPrimitives.WriteUInt16LittleEndian(node, 0xF30A);
        BinaryPrimitives.WriteUInt16LittleEndian(node.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(node.AsSpan(4), 340);
        BinaryPrimitives.WriteUInt16LittleEndian(node.AsSpan(6), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(node.AsSpan(16), (uint)child);
        DiskImages.Patch(image, child * 4096, node);

        var notices = await ExtractAsync();

        var notice = Assert.Single(notices);
        Assert.Equal("/sparse.dat", notice.Path);
        Assert.Equal($"at byte {sparse.DiskOffset}: inode {sparse.Number}: extent tree visits block {child} twice (a loop or a shared node)", notice.Message);
    }

    [ToolFact("mke2fs")]
    public async Task An_extent_past_the_end_of_the_file_system_is_reported()
    {
        var big = await InodeAsync("/big.bin");
        DiskImages.Patch(image, big.DiskOffset + 0x28 + 12 + 6, [0xFF, 0x7F]);

        var notice = Assert.Single(await ExtractAsync());

        Assert.Equal("/big.bin", notice.Path);
        Assert.Contains($"inode {big.Number}: extent at logical block 0 points to blocks 140733193", notice.Message);
        Assert.EndsWith("past the file system's 16384 blocks", notice.Message);
    }

    [ToolFact("mke2fs")]
    public async Task A_corrupt_directory_record_skips_its_block_with_the_offset()
    {
        var many = await InodeAsync("/many");
        var block = await FirstBlockOffsetAsync("/many");
        DiskImages.Patch(image, block + 4, [3, 0]);

        var notices = await ExtractAsync();

        var notice = Assert.Single(notices);
        Assert.Equal("/many", notice.Path);
        Assert.Equal($"inode {many.Number}: corrupt directory entry at byte 0 of the directory (record length 3, name length 1); the rest of the block is skipped", notice.Message);
    }

    [ToolFact("mke2fs")]
    public async Task An_inode_number_out_of_range_and_a_zero_link_count_are_reported_per_file()
    {
        var block = await FirstBlockOffsetAsync("/many");
        var tiny = await InodeAsync("/tiny.txt");

        // The third record of /many (after "." and "..", 12 bytes each) names a file: point it past the inode count.
        DiskImages.Patch(image, block + 24, [0xF0, 0xFF, 0xFF, 0xFF]);
        DiskImages.Patch(image, tiny.DiskOffset + 0x1A, [0, 0]);

        var notices = await ExtractAsync();

        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, n => n.Message.EndsWith("inode number 4294967280 is outside 1..16384", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Path == "/tiny.txt" && n.Message == $"inode {tiny.Number} has link count 0 (deleted or corrupt) but a directory names it; skipped");
    }

    [ToolFact("mke2fs")]
    public async Task An_absurd_size_is_stopped_by_the_per_file_limit()
    {
        var big = await InodeAsync("/big.bin");
        DiskImages.Patch(image, big.DiskOffset + 0x6C, [0, 0, 0, 0x40]);

        var notice = Assert.Single(await ExtractAsync());

        Assert.Equal("/big.bin", notice.Path);
        Assert.Contains("over the per-file limit", notice.Message);
    }

    [ToolFact("mke2fs")]
    public async Task A_directory_that_contains_its_ancestor_is_not_followed_twice()
    {
        var block = await FirstBlockOffsetAsync("/many");

        // The third record of /many now names the root directory (inode 2) as a subdirectory.
        DiskImages.Patch(image, block + 24, [2, 0, 0, 0]);
        DiskImages.Patch(image, block + 24 + 7, [2]);

        var notices = await ExtractAsync();

        Assert.Contains(notices, n => n.Message == "directory inode 2 is reached a second time (a directory loop or hard link); not followed");
    }
}
