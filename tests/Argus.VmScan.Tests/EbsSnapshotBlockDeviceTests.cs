using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.VmScan.Disks;
using Argus.VmScan.Ebs;
using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Tests.Support;
using Argus.Tests;
using Argus.Vulnerability;

namespace Argus.VmScan.Tests;

/// <summary>Snapshots read through the EBS direct APIs from the local stand-in, in the real wire format.</summary>
public sealed class EbsSnapshotBlockDeviceTests : IDisposable
{
    private readonly string folder = TestPaths.NewTempFolder();
    private readonly EbsDirectStandIn ebs = new();
    private readonly LoopbackHttpServer server;
    private readonly AwsApiClient client = new(new HttpClient(), AwsPermissionCatalog.Instance, new AwsApiClientOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
    private readonly AwsCallContext ctx;

    public EbsSnapshotBlockDeviceTests()
    {
        server = ebs.Serve();
        ctx = new AwsCallContext(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "eu-west-1", server.Endpoint);
    }

    public void Dispose()
    {
        server.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A 3 MiB image with data in blocks 0, 2 and 5 (of 512 KiB); the rest never written.</summary>
    private string SparseImage()
    {
        var image = Path.Combine(folder, "sparse.img");
        var random = new Random(5);
        using var stream = new FileStream(image, FileMode.Create);
        stream.SetLength(3L * 1024 * 1024);
        foreach (var block in new[] { 0, 2, 5 })
        {
            stream.Position = block * (long)EbsDirectStandIn.BlockSize + 1000;
            stream.Write(SourceTree.Bytes(random, 100_000));
        }

        return image;
    }

    [Fact]
    public async Task Reads_equal_the_image_and_blocks_without_data_read_as_zeros_without_a_call()
    {
        var image = SparseImage();
        ebs.AddSnapshot("snap-0123456789abcdef0", image);
        ebs.PageSize = 2;
        var bytes = File.ReadAllBytes(image);

        await using var device = await EbsSnapshotBlockDevice.OpenAsync(client, ctx, "snap-0123456789abcdef0", CancellationToken.None);

        Assert.Equal(1L << 30, device.Length);
        Assert.Equal(3, device.BlocksWithData);
        Assert.Equal(2, device.ApiCalls);
        var buffer = new byte[bytes.Length];
        Assert.Equal(buffer.Length, await device.ReadAsync(0, buffer, CancellationToken.None));
        Assert.Equal(bytes, buffer);
        var tail = new byte[4096];
        await device.ReadAsync(device.Length - 4096, tail, CancellationToken.None);
        Assert.All(tail, b => Assert.Equal(0, b));
        Assert.Equal(3, device.BlocksRead);
        Assert.Equal(3L * EbsDirectStandIn.BlockSize, device.BytesRead);
        Assert.Equal(5, device.ApiCalls);
        Assert.Equal(3, ebs.GetCalls);
    }

    [Fact]
    public async Task Throttled_answers_are_retried()
    {
        ebs.AddSnapshot("snap-1", SparseImage());
        ebs.ThrottleNext(3);

        await using var device = await EbsSnapshotBlockDevice.OpenAsync(client, ctx, "snap-1", CancellationToken.None);
        var buffer = new byte[16];
        await device.ReadAsync(EbsDirectStandIn.BlockSize * 2L + 1000, buffer, CancellationToken.None);

        Assert.Equal(3, ebs.ThrottledAnswers);
        Assert.Contains(buffer, b => b != 0);
    }

    [Fact]
    public async Task Access_denied_is_an_aws_error_naming_the_action()
    {
        ebs.AddSnapshot("snap-2", SparseImage());
        ebs.DenyAccess("snap-2");

        var e = await Assert.ThrowsAsync<AwsApiException>(() => EbsSnapshotBlockDevice.OpenAsync(client, ctx, "snap-2", CancellationToken.None));

        Assert.Equal(AwsErrorKind.AccessDenied, e.Kind);
        Assert.Equal("ebs:ListSnapshotBlocks", e.Action);
    }

    [Fact]
    public async Task A_wrong_checksum_is_a_precise_error_and_the_data_is_not_used()
    {
        ebs.AddSnapshot("snap-3", SparseImage());
        ebs.CorruptChecksum("snap-3", 2);

        await using var device = await EbsSnapshotBlockDevice.OpenAsync(client, ctx, "snap-3", CancellationToken.None);
        var e = await Assert.ThrowsAsync<EbsBlockException>(async () => await device.ReadAsync(2L * EbsDirectStandIn.BlockSize, new byte[10], CancellationToken.None));

        Assert.Equal(2, e.BlockIndex);
        Assert.StartsWith("snap-3 block 2: checksum mismatch: x-amz-Checksum '", e.Message);
    }

    [ToolFact("mke2fs")]
    public async Task A_snapshot_scans_like_its_image_file()
    {
        var source = SourceTree.Build(folder, largeDirectory: 200);
        Directory.CreateDirectory(Path.Combine(source, "var/lib/dpkg"));
        File.WriteAllText(Path.Combine(source, "var/lib/dpkg/status"), "Package: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.13.dfsg-1\n\n");
        File.WriteAllText(Path.Combine(source, "many/package-lock.json"), """{"name":"app","version":"1.0.0","lockfileVersion":3,"packages":{"":{"name":"app"},"node_modules/lodash":{"version":"4.17.20"}}}""");
        var image = DiskImages.MakeExt(folder, source, "-t ext4", "128M");
        ebs.AddSnapshot("snap-4", image);
        var scanner = new DiskScanner(new VulnerabilityScanner(null));

        await using var file = new FileBlockDevice(image);
        var expected = Assert.Single(await scanner.ScanAsync(file, "vol-4", DateTimeOffset.UnixEpoch, CancellationToken.None));
        await using var snapshot = await EbsSnapshotBlockDevice.OpenAsync(client, ctx, "snap-4", CancellationToken.None);
        var actual = Assert.Single(await scanner.ScanAsync(snapshot, "vol-4", DateTimeOffset.UnixEpoch, CancellationToken.None));

        Assert.Equal(["pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1", "pkg:npm/lodash@4.17.20"], actual.Report!.Inventory.Packages.Select(p => p.Purl).Order());
        Assert.Equal(expected.Report!.Inventory.Packages, actual.Report.Inventory.Packages);
        Assert.True(snapshot.BlocksRead <= snapshot.BlocksWithData);
        Assert.Equal(snapshot.BlocksRead + 1, snapshot.ApiCalls);
    }
}
