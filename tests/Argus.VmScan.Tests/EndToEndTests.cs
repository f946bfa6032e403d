using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.VmScan.Disks;
using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Workflow;
using Argus.Vulnerability;

namespace Argus.VmScan.Tests;

/// <summary>
/// The whole workflow with the real readers: snapshots of ext4 images built by mkfs.ext4 -d, read through the
/// EBS direct APIs (EbsSnapshotBlockDevice against the EBS stand-in composed into the EC2/KMS one) or attached and
/// read as a file, inventoried by the disk scanner.
/// </summary>
[Collection(nameof(StandInCollection))]
public sealed class EndToEndTests
{
    [Theory]
    [InlineData(ReadMode.Direct, false)]
    [InlineData(ReadMode.Direct, true)]
    [InlineData(ReadMode.Attach, true)]
    public async Task Packages_on_every_volume_are_found_and_nothing_is_left(ReadMode mode, bool crossAccountWithCustomerKey)
    {
        using var h = new ScanHarness(separateScanner: crossAccountWithCustomerKey);
        h.Cloud.ServeEbsDirect(new EbsDirectStandIn());
        var key = crossAccountWithCustomerKey ? h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER") : null;
        var web = h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "web" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "root", "openssl", "3.0.11-1~deb12u1"), key),
            ("/dev/xvdb", TestDisks.Ext4(h.Folder, "data", "nginx", "1.22.1-9"), null));
        var before = h.Cloud.Fingerprint();
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ScanHarness.FastRetries);
        var cloud = new VmScanCloud(client);
        var options = h.Options(mode);
        var runner = new VmScanRunner(cloud, h.Access, h.Journals, new AwsBlockDevices(client), new DiskScannerReader(new DiskScanner(new VulnerabilityScanner(null))),
            h.Devices, options);

        var plan = await new VmScanPlanner(cloud, h.Access).PlanAsync(options, DateTimeOffset.UtcNow, CancellationToken.None);
        var result = await runner.RunAsync(plan, CancellationToken.None);
        var report = InstanceReports.Merge(plan.Instances.Single(), result.Volumes, plan.CreatedAt);

        Assert.Equal("done", result.Ending);
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.NotNull(report);
        Assert.Equal($"{web.Id} (web)", report.Inventory.Target);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", report.Inventory.Os?.PrettyName);
        Assert.Equal(["nginx 1.22.1-9", "openssl 3.0.11-1~deb12u1"], report.Inventory.Packages.Where(p => p.Type == "deb").Select(p => $"{p.Name} {p.Version}").Order());
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
        Assert.Equal(before, h.Cloud.Fingerprint());
        if (mode == ReadMode.Direct)
        {
            Assert.True(h.Cloud.Calls.GetValueOrDefault("ebs:GetSnapshotBlock") > 0);
        }
    }

    [Fact]
    public async Task Without_the_grant_the_scanner_cannot_read_a_customer_key_snapshot()
    {
        using var h = new ScanHarness(separateScanner: true);
        h.Cloud.ServeEbsDirect(new EbsDirectStandIn());
        var key = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(), ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), key));
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ScanHarness.FastRetries);
        var ebs = new AwsBlockDevices(client);
        var snapshot = h.Cloud.AddSnapshot(ScanHarness.Target, ScanHarness.Region, h.Cloud.Volumes[^1].Id, h.Cloud.Volumes[^1].ImagePath, new Dictionary<string, string>(), key);
        snapshot.SharedWith.Add(ScanHarness.Scanner);

        var refused = await Record.ExceptionAsync(() => ebs.OpenSnapshotAsync(h.Context(ScanHarness.Scanner, ScanHarness.Region), snapshot.Id, CancellationToken.None));

        Assert.NotNull(refused);
        Assert.Contains(h.Cloud.Denied, d => d.StartsWith("ebs:ListSnapshotBlocks", StringComparison.Ordinal));
    }
}
