using System.Buffers.Binary;
using Argus.VmScan.Disks;
using Argus.VmScan.Disks.Ext4;
using Argus.VmScan.Tests.Support;
using Argus.Tests;

namespace Argus.VmScan.Tests;

/// <summary>Trees copied out of images that Debian's mke2fs built equal their source, across ext2/3/4 layouts.</summary>
public sealed class Ext4ReaderTests : IDisposable
{
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [ToolTheory("mke2fs", "e2fsck")]
    [InlineData("-t ext4", "ext4")]
    [InlineData("-t ext4 -b 1024", "ext4")]
    [InlineData("-t ext4 -O ^64bit,^flex_bg", "ext4")]
    [InlineData("-t ext4 -O meta_bg,^resize_inode", "ext4")]
    [InlineData("-t ext4 -b 65536", "ext4", "1G")]
    [InlineData("-t ext3", "ext3")]
    [InlineData("-t ext2 -b 1024", "ext2")]
    [InlineData("-t ext4 -O ^extents,^64bit -b 1024", "ext4")]
    public async Task The_copied_tree_equals_the_source(string options, string type, string size = "128M")
    {
        var source = SourceTree.Build(folder, largeDirectory: 600);
        var image = DiskImages.MakeExt(folder, source, options, size);
        DiskImages.Run("e2fsck", $"-fyD \"{image}\"");

        var (root, notices) = await Extraction.ExtractAllAsync(image, folder);

        Assert.Empty(notices);
        Directory.Delete(Path.Combine(root, "lost+found"));
        var expected = DiskImages.Describe(source);
        var actual = DiskImages.Describe(root);
        Assert.Empty(expected.Except(actual).Take(5));
        Assert.Empty(actual.Except(expected).Take(5));
        await using var device = new FileBlockDevice(image);
        var fs = await Ext4FileSystem.OpenAsync(device, 0, CancellationToken.None);
        Assert.Equal(type, fs.Superblock.TypeName);
    }

    [ToolFact("mke2fs", "debugfs", "e2fsck")]
    public async Task Hashed_directories_and_deep_extent_trees_are_really_exercised()
    {
        var source = SourceTree.Build(folder);
        var image = DiskImages.MakeExt(folder, source, "-t ext4", "256M");
        DiskImages.Run("e2fsck", $"-fyD \"{image}\"");

        // debugfs confirms the directory is hashed; the reader sees the sparse file's tree with depth >= 1.
        Assert.Contains("Root node dump", DiskImages.Run("debugfs", $"-R \"htree /large-dir\" \"{image}\""));
        await using var device = new FileBlockDevice(image);
        var fs = await Ext4FileSystem.OpenAsync(device, 0, CancellationToken.None);
        var sparse = (await fs.ResolveAsync("/sparse.dat", CancellationToken.None))!.Value.Inode;
        Assert.True(BinaryPrimitives.ReadUInt16LittleEndian(sparse.Block.AsSpan(6)) >= 1);
        Assert.True((await fs.ReadDirectoryAsync((await fs.ResolveAsync("/large-dir", CancellationToken.None))!.Value.Inode, [], CancellationToken.None)).Count == 3000);
        Assert.Equal("/deep/level0", (await fs.ResolveAsync("/dir-link/level0", CancellationToken.None))!.Value.Path);
    }

    [ToolFact("mke2fs", "debugfs")]
    public async Task The_ext2_block_map_reaches_double_indirect_blocks()
    {
        var source = SourceTree.Build(folder, largeDirectory: 10);
        var image = DiskImages.MakeExt(folder, source, "-t ext2 -b 1024", "64M");

        // 12 direct + 256 single indirect blocks hold 268 KiB: big.bin (3 MiB) needs the double indirect block.
        var stat = DiskImages.Run("debugfs", $"-R \"stat /big.bin\" \"{image}\"");
        Assert.Contains("(DIND)", stat);
        var (root, _) = await Extraction.ExtractAllAsync(image, folder);
        Assert.Equal(File.ReadAllBytes(Path.Combine(source, "big.bin")), File.ReadAllBytes(Path.Combine(root, "big.bin")));
    }

    [ToolFact("mke2fs")]
    public async Task Inline_data_reads_small_files_and_names_the_ones_it_cannot()
    {
        var source = Path.Combine(folder, "inline");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "small"), "fits in i_block\n");
        File.WriteAllText(Path.Combine(source, "medium"), new string('m', 100));
        var image = DiskImages.MakeExt(folder, source, "-t ext4 -I 256 -O inline_data", "16M");

        var (root, notices) = await Extraction.ExtractAllAsync(image, folder);

        Assert.Equal("fits in i_block\n", File.ReadAllText(Path.Combine(root, "small")));
        var notice = Assert.Single(notices);
        Assert.Equal("/medium", notice.Path);
        Assert.Contains("inline data of 100 bytes continues in an extended attribute", notice.Message);
    }

    [ToolFact("mke2fs")]
    public async Task Limits_stop_the_copy_with_a_notice()
    {
        var source = SourceTree.Build(folder, largeDirectory: 10);
        var image = DiskImages.MakeExt(folder, source, "-t ext4", "64M");

        var (root, notices) = await Extraction.ExtractAllAsync(image, folder, new DiskScanLimits { MaxFiles = 50, MaxFileBytes = 1024 * 1024 });

        Assert.Contains(notices, n => n.Path == "/big.bin" && n.Message.Contains("over the per-file limit of 1048576", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Message.Contains("limit of 50 copied files", StringComparison.Ordinal));
        Assert.Equal(50, Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count(f => new FileInfo(f).LinkTarget is null));
    }
}
