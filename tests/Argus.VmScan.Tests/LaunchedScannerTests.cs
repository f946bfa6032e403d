using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.VmScan.Disks;
using Argus.VmScan.Scanner;
using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Workflow;
using Argus.Vulnerability;

namespace Argus.VmScan.Tests;

/// <summary>
/// Attach mode with a scanner Argus launches: its VPC, subnet, gateway, route table, security group and instance
/// created tagged, the volumes attached to it, the worker reading them and answering through S3, and everything
/// removed afterwards (or after a crash, a time limit, or by tag alone), never touching look-alikes.
/// </summary>
[Collection(nameof(StandInCollection))]
public sealed class LaunchedScannerTests
{
    private sealed class Crash : Exception;

    /// <summary>The writes that bring the scanner up, in order: a crash after each is resumed.</summary>
    private static readonly string[] InfrastructureWrites =
    [
        "ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateInternetGateway", "ec2:AttachInternetGateway", "ec2:CreateRouteTable",
        "ec2:CreateRoute", "ec2:AssociateRouteTable", "ec2:CreateSecurityGroup", "ec2:RunInstances",
    ];

    [Fact]
    public async Task Packages_come_back_through_s3_from_the_launched_scanner_and_nothing_is_left()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        var web = h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "web" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "root", "openssl", "3.0.11-1~deb12u1"), null),
            ("/dev/xvdb", TestDisks.Ext4(h.Folder, "data", "nginx", "1.22.1-9"), null));
        var before = h.Cloud.Fingerprint();
        var cloud = h.NewCloud();
        var options = l.Options();
        var plan = await h.PlanAsync(cloud, options);
        var reader = new DiskScannerReader(new DiskScanner(new VulnerabilityScanner(null)));
        var worker = l.StartWorker(plan.ScanId, reader);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("done", result.Ending);
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.Empty(result.Leftovers);
        var report = InstanceReports.Merge(plan.Instances.Single(), result.Volumes, plan.CreatedAt);
        Assert.NotNull(report);
        Assert.Equal($"{web.Id} (web)", report.Inventory.Target);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", report.Inventory.Os?.PrettyName);
        Assert.Equal(["nginx 1.22.1-9", "openssl 3.0.11-1~deb12u1"], report.Inventory.Packages.Where(p => p.Type == "deb").Select(p => $"{p.Name} {p.Version}").Order());
        Assert.Equal(2, await worker.WaitAsync(TimeSpan.FromSeconds(30)));

        var scanner = Assert.Single(h.Cloud.Instances, i => i.SubnetId is not null);
        Assert.Equal("terminated", scanner.State);
        Assert.Equal("required", scanner.HttpTokens);
        Assert.True(scanner.PublicIp);
        Assert.False(scanner.Spot);
        Assert.Equal(LaunchHarness.Image, scanner.ImageId);
        Assert.Equal(LaunchHarness.Profile, scanner.InstanceProfile);
        Assert.Equal("eu-west-1a", scanner.Zone);
        Assert.Contains($"argus vm-scan worker --scan-id {plan.ScanId} --results 's3://{LaunchHarness.Bucket}/scans' --region eu-west-1 --osv '/opt/argus/osv'", scanner.UserData);
        Assert.DoesNotContain("AKID", scanner.UserData, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", scanner.UserData, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(plan.ScanId, scanner.Tags["argus:scan-id"]);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(l.S3.Keys());
        Assert.Empty(h.Cloud.Denied);
        Assert.Empty(l.S3.Denied);
        Assert.Equal(before, h.Cloud.Fingerprint());
        Assert.Equal(["s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"], result.Calls.Keys.Where(k => k.StartsWith("s3:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var journal = h.Journals.Load(plan.ScanId)!;
        Assert.True(journal.Scanner!.TornDown);
        Assert.Equal(scanner.Id, journal.Plan.ScannerInstanceId);
    }

    [Fact]
    public async Task A_spot_scanner_is_requested_as_a_one_time_spot_instance()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(), ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null));
        var cloud = h.NewCloud();
        var options = l.Options(spot: true);
        var plan = await h.PlanAsync(cloud, options);
        var worker = l.StartWorker(plan.ScanId);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("done", result.Ending);
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        Assert.Equal(1, await worker.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(Assert.Single(h.Cloud.Instances, i => i.SubnetId is not null).Spot);
        Assert.Empty(h.Cloud.ArgusResources());

        // Resuming a finished scan launches nothing again.
        var again = await l.Runner(h.NewCloud(), options).ResumeAsync(plan.ScanId, CancellationToken.None);
        Assert.Equal("done", again.Ending);
        Assert.Single(h.Cloud.Instances, i => i.SubnetId is not null);
        Assert.Single(h.Cloud.WriteAttempts, w => w.StartsWith("ec2:CreateVpc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_crash_after_every_infrastructure_step_is_resumed_and_leaves_nothing()
    {
        for (var step = 1; step <= InfrastructureWrites.Length; step++)
        {
            using var l = new LaunchHarness();
            var h = l.H;
            h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(),
                ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null), ("/dev/xvdb", TestDisks.Ext4(h.Folder, "data"), null));
            var before = h.Cloud.Fingerprint();
            var options = l.Options();
            var plan = await h.PlanAsync(h.NewCloud(), options);
            var at = step;
            var crashing = h.NewCloud((_, n, _) => n == at ? throw new Crash() : Task.CompletedTask);

            await Assert.ThrowsAsync<Crash>(() => l.Runner(crashing, options).RunAsync(plan, CancellationToken.None));
            Assert.Equal(InfrastructureWrites[step - 1], h.Cloud.WriteAttempts[^1].Split(' ')[0]);
            var worker = l.StartWorker(plan.ScanId);
            var resumed = await l.Runner(h.NewCloud(), options).ResumeAsync(plan.ScanId, CancellationToken.None);

            Assert.Equal("done", resumed.Ending);
            Assert.All(resumed.Volumes, v => Assert.Null(v.Error));
            Assert.Equal(2, await worker.WaitAsync(TimeSpan.FromSeconds(30)));
            foreach (var create in InfrastructureWrites)
            {
                var made = h.Cloud.WriteAttempts.Count(w => w.StartsWith(create + " ", StringComparison.Ordinal));
                Assert.True(made == 1, $"crash after {InfrastructureWrites[step - 1]}: {create} sent {made} times");
            }

            Assert.Empty(h.Cloud.ArgusResources());
            Assert.Empty(l.S3.Keys());
            Assert.Empty(h.Cloud.Denied);
            Assert.Equal(before, h.Cloud.Fingerprint());
        }
    }

    [Fact]
    public async Task Cleanup_by_tag_alone_removes_a_leftover_scanner_and_its_network()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(), ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null));
        var before = h.Cloud.Fingerprint();
        var options = l.Options();
        var plan = await h.PlanAsync(h.NewCloud(), options);
        var crashing = h.NewCloud((action, _, _) => action == "ec2:AttachVolume" ? throw new Crash() : Task.CompletedTask);
        await Assert.ThrowsAsync<Crash>(() => l.Runner(crashing, options).RunAsync(plan, CancellationToken.None));
        File.Delete(h.Journals.PathOf(plan.ScanId));
        var left = h.Cloud.ArgusResources();
        Assert.Equal(9, left.Count); // instance and its root volume, VPC, subnet, gateway, route table, group, scan volume, snapshot

        var contexts = new[] { h.Context(ScanHarness.Target, ScanHarness.Region) };
        var dry = await new VmScanCleaner(h.NewCloud(), options).CleanAsync(contexts, null, null, [], execute: false, CancellationToken.None);
        var cleaned = await new VmScanCleaner(h.NewCloud(), options).CleanAsync(contexts, null, null, [], execute: true, CancellationToken.None);

        Assert.Equal(["instance", "internet gateway", "route table", "security group", "subnet", "vpc"],
            dry.Where(d => d.Kind is not ("volume" or "snapshot")).Select(d => d.Kind).Order(StringComparer.Ordinal));
        Assert.All(dry, d => Assert.Equal("would remove", d.Outcome));
        Assert.All(cleaned, c => Assert.Equal("removed", c.Outcome));
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
        Assert.Equal(before, h.Cloud.Fingerprint());
    }

    [Fact]
    public async Task Look_alike_networks_and_instances_without_both_argus_tags_are_never_touched()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(), ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null));
        h.Cloud.AddVpc(ScanHarness.Target, ScanHarness.Region, "10.213.0.0/24", new Dictionary<string, string> { ["Name"] = "argus scanner-vpc of vm-20260101T000000-abcdef", ["argus:purpose"] = "scanner-vpc" });
        var ownerOnly = h.Cloud.AddVpc(ScanHarness.Target, ScanHarness.Region, "10.214.0.0/24", new Dictionary<string, string> { ["argus:owner"] = "argus", ["argus:purpose"] = "scanner-vpc" });
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1b", new Dictionary<string, string> { ["argus:owner"] = "argus", ["Name"] = "argus scanner" });
        var before = h.Cloud.Fingerprint();
        var cloud = h.NewCloud();
        var options = l.Options();
        var plan = await h.PlanAsync(cloud, options);
        var worker = l.StartWorker(plan.ScanId);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);
        var cleaned = await new VmScanCleaner(h.NewCloud(), options).CleanAsync([h.Context(ScanHarness.Target, ScanHarness.Region)], null, null, [], execute: true, CancellationToken.None);

        Assert.Equal("done", result.Ending);
        Assert.Single(plan.Instances);
        Assert.Equal(1, await worker.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(cleaned, c => c.Id == ownerOnly.Id && c.Outcome.StartsWith("refused", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Cloud.WriteAttempts, w => w.Contains(ownerOnly.Id, StringComparison.Ordinal));
        Assert.Equal(before, h.Cloud.Fingerprint());
        Assert.Equal(2, h.Cloud.Vpcs.Count(v => v.Tags.ContainsKey("argus:purpose")));
        Assert.Empty(h.Cloud.Denied);
    }

    [Fact]
    public async Task A_volume_the_worker_cannot_read_fails_alone_with_the_workers_reason()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(),
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null), ("/dev/xvdb", TestDisks.Ext4(h.Folder, "data"), null));
        var data = h.Cloud.Volumes[^1].Id;
        var cloud = h.NewCloud();
        var options = l.Options();
        var plan = await h.PlanAsync(cloud, options);
        var hidden = new HidingLocator(new LaunchHarness.LaunchedDevices(h.Cloud), h.Cloud, data);
        var worker = l.StartWorker(plan.ScanId, locator: hidden);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("done", result.Ending);
        var failed = Assert.Single(result.Volumes, v => v.Error is not null);
        Assert.Equal(data, failed.Volume.VolumeId);
        Assert.Contains("the scanner i-worker could not read", failed.Error);
        Assert.Contains("no device appeared", failed.Error);
        Assert.NotNull(Assert.Single(result.Volumes, v => v.Error is null).Scans);
        Assert.Equal(2, await worker.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(l.S3.Keys());
    }

    [Fact]
    public async Task The_time_limit_tears_the_scanner_and_its_network_down()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(), ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null));
        var before = h.Cloud.Fingerprint();
        var cloud = h.NewCloud();

        // No worker answers: the scan waits for a result until the limit.
        var options = l.Options() with { TimeLimit = TimeSpan.FromSeconds(2), MaxPolls = 1_000_000, PollInterval = TimeSpan.FromMilliseconds(5) };
        var plan = await h.PlanAsync(cloud, options);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("time-limit", result.Ending);
        Assert.Empty(result.Leftovers);
        Assert.Equal("terminated", Assert.Single(h.Cloud.Instances, i => i.SubnetId is not null).State);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(l.S3.Keys());
        Assert.Empty(h.Cloud.Denied);
        Assert.Equal(before, h.Cloud.Fingerprint());
        Assert.Equal("time-limit", h.Journals.Load(plan.ScanId)!.State);
    }

    [Fact]
    public async Task The_policy_lets_argus_pass_only_the_scanner_role_and_a_refused_launch_leaves_nothing()
    {
        using var l = new LaunchHarness();
        var h = l.H;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string>(), ("/dev/xvda", TestDisks.Ext4(h.Folder, "root"), null));
        var before = h.Cloud.Fingerprint();
        var cloud = h.NewCloud();
        var options = l.Options() with { Launch = l.Options().Launch! with { InstanceProfile = "AdministratorAccess" } };
        var plan = await h.PlanAsync(cloud, options);

        var result = await l.Runner(cloud, options).RunAsync(plan, CancellationToken.None);

        Assert.Equal("scanner-failed", result.Ending);
        Assert.All(result.Volumes, v => Assert.Contains("the scanner could not be launched", v.Error));
        Assert.Equal(["iam:PassRole AdministratorAccess"], h.Cloud.Denied);
        Assert.DoesNotContain(h.Cloud.Instances, i => i.SubnetId is not null);
        Assert.Empty(result.Leftovers);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Equal(before, h.Cloud.Fingerprint());
    }

    [Fact]
    public void Results_locations_outside_the_policys_buckets_are_refused_with_the_position()
    {
        Assert.Equal(new ResultsLocation("argus-vm-scan-prod", "a/b"), ResultsLocation.Parse("s3://argus-vm-scan-prod/a/b/"));
        Assert.Contains("character 1", Assert.Throws<ArgumentException>(() => ResultsLocation.Parse("https://argus-vm-scan-x/p")).Message);
        var other = Assert.Throws<ArgumentException>(() => ResultsLocation.Parse("s3://customer-data/p")).Message;
        Assert.Contains("character 6", other);
        Assert.Contains("argus-vm-scan-*", other);
        Assert.Contains("not an S3 bucket name", Assert.Throws<ArgumentException>(() => ResultsLocation.Parse("s3://Argus_VM")).Message);
    }

    /// <summary>The launched instance's locator, except that the copy of one customer volume never appears.</summary>
    private sealed class HidingLocator(IDeviceLocator inner, Ec2KmsStandIn cloud, string customerVolume) : IDeviceLocator
    {
        public string? Locate(string volumeId, string requestedDevice) =>
            cloud.SourceVolumeOf(volumeId) == customerVolume ? null : inner.Locate(volumeId, requestedDevice);
    }
}
