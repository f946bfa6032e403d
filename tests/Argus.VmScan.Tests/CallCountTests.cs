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
}
