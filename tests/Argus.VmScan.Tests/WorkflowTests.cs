using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Tests;

[Collection(nameof(StandInCollection))]
public sealed class WorkflowTests
{
    private static StandInInstance AddWebServer(ScanHarness h, string? key = null, string? dataKey = null) =>
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "web", ["env"] = "prod" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "web-root"), key),
            ("/dev/xvdb", TestDisks.Ext4(h.Folder, "web-data"), dataKey));

    [Theory]
    [InlineData(ReadMode.Direct)]
    [InlineData(ReadMode.Attach)]
    public async Task Every_volume_of_an_instance_is_read_and_nothing_is_left(ReadMode mode)
    {
        using var h = new ScanHarness();
        var web = AddWebServer(h);
        var before = h.Cloud.Fingerprint();
        var cloud = h.NewCloud();
        var options = h.Options(mode);

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("done", result.Ending);
        var instance = Assert.Single(plan.Instances);
        Assert.Equal(web.Id, instance.InstanceId);
        Assert.Equal(["/dev/xvda", "/dev/xvdb"], instance.Volumes.Select(v => v.Device));
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.All(result.Volumes, v => Assert.Equal(mode, v.Mode));
        Assert.Equal(["web-data", "web-root"], h.Reader.Labels.Order());
        Assert.Empty(result.Leftovers);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
        Assert.Equal(before, h.Cloud.Fingerprint());
        Assert.Equal("done", h.Journals.Load(plan.ScanId)!.State);
        Assert.All(h.Journals.Load(plan.ScanId)!.Volumes, v => Assert.True(v.CleanedUp));
        var creates = mode == ReadMode.Attach ? new[] { "ec2:CreateSnapshot", "ec2:CreateVolume" } : ["ec2:CreateSnapshot"];
        Assert.Equal(creates.Order(), h.Cloud.WriteAttempts.Select(w => w.Split(' ')[0]).Where(a => a.Contains("Create", StringComparison.Ordinal)).Distinct().Order());
        Assert.Contains(h.Events, e => e.Kind == "write" && e.Action == "ec2:CreateSnapshot" && e.ResourceId == instance.Volumes[0].VolumeId);
    }

    [Fact]
    public async Task A_customer_key_gets_a_grant_for_the_scanner_role_that_is_retired_and_the_snapshot_is_shared()
    {
        using var h = new ScanHarness(separateScanner: true);
        var key = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        AddWebServer(h, key, key);
        var cloud = h.NewCloud();
        var options = h.Options();

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("done", result.Ending);
        Assert.All(plan.Instances.Single().Volumes, v => Assert.Equal(KeyCase.CustomerManagedKey, v.KeyCase));
        Assert.Equal($"arn:aws:iam::{ScanHarness.Scanner}:role/ArgusOperator", plan.ReaderPrincipal);
        Assert.Equal(2, h.Reader.Labels.Count);
        Assert.Contains(h.Cloud.WriteAttempts, w => w.StartsWith("kms:CreateGrant", StringComparison.Ordinal));
        Assert.Contains(h.Cloud.WriteAttempts, w => w.StartsWith("ec2:ModifySnapshotAttribute", StringComparison.Ordinal));
        Assert.Equal(2, h.Cloud.WriteAttempts.Count(w => w.StartsWith("kms:CreateGrant", StringComparison.Ordinal)));
        Assert.Empty(h.Cloud.Grants);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
    }

    [Fact]
    public async Task A_grant_to_anyone_but_the_argus_role_is_refused_by_the_generated_policy()
    {
        using var h = new ScanHarness(separateScanner: true);
        var key = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        AddWebServer(h, key);
        var cloud = h.NewCloud();
        var options = h.Options() with { ReaderPrincipal = $"arn:aws:iam::{ScanHarness.Scanner}:user/someone" };

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Contains(result.Volumes, v => v.Volume.KeyCase == KeyCase.CustomerManagedKey && v.Error!.Contains("AccessDeniedException", StringComparison.Ordinal));
        Assert.Empty(h.Cloud.Grants);
        Assert.Empty(h.Cloud.ArgusResources());
    }

    [Fact]
    public async Task An_aws_managed_key_volume_is_copied_under_the_scanner_key_first()
    {
        using var h = new ScanHarness();
        var managed = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "AWS");
        var scannerKey = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        AddWebServer(h, managed);
        var cloud = h.NewCloud();

        await Assert.ThrowsAsync<VmScanPlanException>(() => h.PlanAsync(cloud, h.Options()));
        var options = h.Options(scannerKey: scannerKey);
        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal([KeyCase.AwsManagedKey, KeyCase.Unencrypted], plan.Instances.Single().Volumes.Select(v => v.KeyCase));
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.Single(h.Cloud.WriteAttempts, w => w.StartsWith("ec2:CopySnapshot", StringComparison.Ordinal));
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
    }

    [Fact]
    public async Task A_scanner_in_another_region_reads_a_copy_made_there()
    {
        using var h = new ScanHarness(separateScanner: true, scannerRegion: "us-east-1");
        AddWebServer(h);
        var cloud = h.NewCloud();
        var options = h.Options(ReadMode.Attach);

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.Equal(2, h.Cloud.WriteAttempts.Count(w => w.StartsWith("ec2:CopySnapshot", StringComparison.Ordinal)));
        Assert.Equal(2, h.Reader.Labels.Count);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
    }

    [Fact]
    public async Task Throttled_calls_are_retried()
    {
        using var h = new ScanHarness();
        var key = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        AddWebServer(h, key);
        h.Cloud.ThrottleEvery = 4;
        var cloud = h.NewCloud();
        var options = h.Options();

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.True(h.Cloud.Throttled > 5, $"only {h.Cloud.Throttled} throttled answers");
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.Empty(h.Cloud.ArgusResources());
    }

    [Fact]
    public async Task The_planner_only_reads_and_the_dry_run_lists_every_write()
    {
        using var h = new ScanHarness(separateScanner: true);
        var key = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        AddWebServer(h, key);
        var cloud = h.NewCloud();

        var plan = await h.PlanAsync(cloud, h.Options(ReadMode.Attach));
        var calls = PlannedCalls.For(plan);

        Assert.Empty(h.Cloud.WriteAttempts);
        Assert.Equal(0, cloud.Writes);
        Assert.Equal(
            ["ec2:CreateSnapshot", "kms:CreateGrant", "ec2:ModifySnapshotAttribute", "ec2:CreateVolume", "ec2:AttachVolume", "ec2:DetachVolume", "ec2:DeleteVolume", "kms:RetireGrant", "ec2:DeleteSnapshot"],
            calls.Where(c => c.Resource.Contains(plan.Instances[0].Volumes[0].VolumeId, StringComparison.Ordinal) || c.Resource == key).Take(9).Select(c => c.Action));
    }

    [Fact]
    public async Task The_time_limit_stops_the_scan_and_removes_what_it_made()
    {
        using var h = new ScanHarness();
        AddWebServer(h);
        h.Cloud.SnapshotPolls = 1_000_000;
        var cloud = h.NewCloud();
        var options = h.Options() with { TimeLimit = TimeSpan.FromMilliseconds(300), MaxPolls = 1_000_000 };

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("time-limit", result.Ending);
        Assert.Contains(h.Cloud.WriteAttempts, w => w.StartsWith("ec2:CreateSnapshot", StringComparison.Ordinal));
        Assert.Contains(h.Cloud.WriteAttempts, w => w.StartsWith("ec2:DeleteSnapshot", StringComparison.Ordinal));
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Reader.Labels);
        Assert.Equal("time-limit", h.Journals.Load(plan.ScanId)!.State);
    }

    [Fact]
    public async Task A_cancelled_scan_cleans_up()
    {
        using var h = new ScanHarness();
        AddWebServer(h);
        using var cancel = new CancellationTokenSource();
        var cloud = h.NewCloud(async (action, n, ct) =>
        {
            if (action == "ec2:CreateSnapshot")
            {
                await cancel.CancelAsync();
            }
        });
        var options = h.Options();

        var plan = await h.PlanAsync(cloud, options);
        var result = await h.Runner(cloud, options).RunAsync(plan, cancel.Token);

        Assert.Equal("cancelled", result.Ending);
        Assert.Empty(h.Cloud.ArgusResources());
    }
}
