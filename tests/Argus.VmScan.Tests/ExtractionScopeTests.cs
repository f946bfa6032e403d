using Argus.VmScan.Disks;
using Argus.VmScan.Disks.Ext4;
using Argus.VmScan.Tests.Support;
using Argus.Tests;
using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Tests;

/// <summary>A scan copies out only what the inventory reads, and keeps nothing afterwards.</summary>
public sealed class ExtractionScopeTests : IDisposable
{
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [ToolFact("mke2fs")]
    public async Task Only_package_databases_and_wanted_files_are_copied_out()
    {
        var source = SourceTree.Build(folder, largeDirectory: 50);
        Directory.CreateDirectory(Path.Combine(source, "var/lib/dpkg"));
        Directory.CreateDirectory(Path.Combine(source, "usr/lib/python3/dist-packages/six-1.16.0.dist-info"));
        File.WriteAllText(Path.Combine(source, "var/lib/dpkg/status"), "Package: zlib1g\nStatus: install ok installed\nVersion: 1\n\n");
        File.WriteAllText(Path.Combine(source, "usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA"), "Name: six\nVersion: 1.16.0\n");
        Directory.CreateDirectory(Path.Combine(source, "usr/local/bin"));
        File.WriteAllBytes(Path.Combine(source, "usr/local/bin/not-go"), GoElf.Build(null));
        File.WriteAllBytes(Path.Combine(source, "usr/local/bin/go-tool"), GoElf.Build("go1.21.5", "path\texample.com/tool\nmod\texample.com/tool\t(devel)\t\ndep\tgolang.org/x/net\tv0.17.0\th1:x="));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var executable in new[] { "run.sh", "usr/local/bin/not-go", "usr/local/bin/go-tool" })
            {
                File.SetUnixFileMode(Path.Combine(source, executable), (UnixFileMode)0x1ED);
            }
        }

        var image = DiskImages.MakeExt(folder, source, "-t ext4", "64M");
        await using var device = new FileBlockDevice(image);
        var fs = await Ext4FileSystem.OpenAsync(device, 0, CancellationToken.None);
        var root = Path.Combine(folder, "out");
        Directory.CreateDirectory(root);

        var extractor = new Ext4Extractor(fs, new InventoryScanner().FileCataloguers, new DiskScanLimits(), root);
        await extractor.ExtractAsync(CancellationToken.None);

        // Executables are copied only when their ELF headers hold Go build information.
        var copied = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => "/" + Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["/usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA", "/usr/local/bin/go-tool", "/var/lib/dpkg/status"], copied);
        Assert.Equal(3, extractor.FilesCopied);
        var inventory = new InventoryScanner().Scan(new RootFileSystem(root), "img");
        Assert.Contains(inventory.Packages, p => p.Purl == "pkg:golang/golang.org/x/net@v0.17.0");
        Assert.True(Directory.Exists(Path.Combine(root, "deep/level0/level1")));
        Assert.Equal("many/file001.bin", new FileInfo(Path.Combine(root, "fast-link")).LinkTarget);
    }

    [ToolFact("mke2fs")]
    public async Task Nothing_copied_out_is_left_after_the_scan()
    {
        var source = SourceTree.Build(folder, largeDirectory: 10);
        var image = DiskImages.MakeExt(folder, source, "-t ext4", "64M");
        var scratch = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var before = Directory.GetDirectories(scratch, "argus-disk-*").ToHashSet();

        await using var device = new FileBlockDevice(image);
        var scan = Assert.Single(await new DiskScanner(new VulnerabilityScanner(null)).ScanAsync(device, "img", DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.NotNull(scan.Report);
        Assert.Subset(before, Directory.GetDirectories(scratch, "argus-disk-*").ToHashSet());
    }
}
