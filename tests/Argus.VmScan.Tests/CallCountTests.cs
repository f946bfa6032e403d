using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Workflow;
using Xunit.Abstractions;

namespace Argus.VmScan.Tests;

/// <summary>
/// The API calls one scanned instance costs (a root and a data volume), by action, as the stand-in counted them:
/// the figures docs/vm-scanning.md quotes. Waiting polls depend on how long AWS takes; the stand-in completes a
/// snapshot on the third poll and a volume or attachment change on the second.
/// </summary>
[Collection(nameof(StandInCollection))]
public sealed class CallCountTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ReadMode.Direct, false, false, 16)]
    [InlineData(ReadMode.Direct, true, true, 27)]
    [InlineData(ReadMode.Attach, false, false, 43)]
    public async Task Calls_per_instance(ReadMode mode, bool crossAccount, bool customerKey, int expected)
    {
        using var h = new ScanHarness(separateScanner: crossAccount);
        var key = customerKey ? h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER") : null;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "web" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), key), ("/dev/xvdb", TestDisks.Ext4(h.Folder, "data"), null));
        var cloud = h.NewCloud();
        var options = h.Options(mode);
        var scannerCalls = h.Cloud.Calls.Values.Sum();

        var result = await h.Runner(cloud, options).RunAsync(await h.PlanAsync(cloud, options), CancellationToken.None);

        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        var calls = h.Cloud.Calls;
        output.WriteLine($"{mode}, cross-account {crossAccount}, customer key {customerKey}: {calls.Values.Sum()} calls");
        foreach (var (action, n) in calls.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {action} {n}");
        }

        Assert.Equal(calls.Values.Sum(), result.Calls.Values.Sum());
        Assert.Equal(0, scannerCalls);
        Assert.Equal(expected, calls.Values.Sum());
    }

    /// <summary>
    /// A scan that launches its scanner: the infrastructure (created once per scan, whatever the number of
    /// instances) and the S3 channel come on top of attach mode's calls. The worker's own S3 calls are not Argus's.
    /// </summary>
    [Fact]
    public async Task Calls_per_instance_with_a_launched_scanner()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "web" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null), ("/dev/xvdb", TestDisks.Ext4(h.Folder, "data"), null));
        var cloud = h.NewCloud();
        var options = l.Options();
        var plan = await h.PlanAsync(cloud, options);
        var worker = l.StartWorker(plan.ScanId);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        await worker.WaitAsync(TimeSpan.FromSeconds(30));
        var ec2 = h.Cloud.Calls.Values.Sum();
        var s3 = result.Calls.Where(c => c.Key.StartsWith("s3:", StringComparison.Ordinal)).Sum(c => c.Value);
        output.WriteLine($"Attach, launched scanner: {ec2} EC2 calls, {s3} S3 calls (result polls depend on how fast the worker answers)");
        foreach (var (action, n) in result.Calls.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {action} {n}");
        }

        Assert.Equal(ec2, result.Calls.Where(c => !c.Key.StartsWith("s3:", StringComparison.Ordinal)).Sum(c => c.Value));
        Assert.Equal(1, result.Calls["ec2:RunInstances"]);
        Assert.Equal(1, result.Calls["ec2:TerminateInstances"]);
        Assert.Equal(2, result.Calls["s3:PutObject"] - 1);
        Assert.Equal(77, ec2);
    }
}
