using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Tests;

/// <summary>
/// One run over two scanned accounts with one scanner account: the plan and journal name each instance's account,
/// each account's snapshots are made, shared, granted and removed with that account's own role, and a crash is
/// resumed and cleaned up per account.
/// </summary>
[Collection(nameof(StandInCollection))]
public sealed class MultiAccountTests
{
    private const string Second = "333333333333";

    private sealed class Crash : Exception;

    private static (ScanHarness H, VmScanAccess Access, string Before) Setup()
    {
        var h = new ScanHarness(separateScanner: true);
        h.Cloud.AddAccount(Second, "AKIDSECOND");
        var key = h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER");
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "first" }, ("/dev/xvda", TestDisks.Ext4(h.Folder, "first"), key));
        var secondKey = h.Cloud.AddKey(Second, ScanHarness.Region, "CUSTOMER");
        h.Cloud.AddInstance(Second, ScanHarness.Region, "eu-west-1b", new Dictionary<string, string> { ["Name"] = "second" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "second"), secondKey), ("/dev/xvdb", TestDisks.Ext4(h.Folder, "second-data"), null));
        var access = h.Access with
        {
            MoreTargets = new Dictionary<string, Func<string, AwsCallContext>> { [Second] = r => new AwsCallContext(new BasicAWSCredentials("AKIDSECOND", "stand-in-secret"), r, h.Cloud.Endpoint) },
        };
        return (h, access, h.Cloud.Fingerprint());
    }

    private static AwsCallContext[] Contexts(ScanHarness h, VmScanAccess access) =>
        [access.TargetIn(ScanHarness.Target, ScanHarness.Region), access.TargetIn(Second, ScanHarness.Region), access.Scanner(ScanHarness.Region)];

    [Theory]
    [InlineData(ReadMode.Direct)]
    [InlineData(ReadMode.Attach)]
    public async Task Instances_of_both_accounts_are_planned_scanned_and_cleaned_up_with_each_accounts_role(ReadMode mode)
    {
        var (h, access, before) = Setup();
        using (h)
        {
            var cloud = h.NewCloud();
            var options = h.Options(mode);
            var plan = await new VmScanPlanner(cloud, access).PlanAsync(options, DateTimeOffset.UtcNow, CancellationToken.None);

            var result = await new VmScanRunner(cloud, access, h.Journals, h.Devices, h.Reader, h.Devices, options).RunAsync(plan, CancellationToken.None);

            Assert.Equal([ScanHarness.Target, Second], plan.Instances.Select(i => i.Account).Order(StringComparer.Ordinal));
            Assert.Equal([ScanHarness.Target, Second, Second], h.Journals.Load(plan.ScanId)!.Plan.Instances.SelectMany(i => i.Volumes.Select(_ => i.Account)).Order(StringComparer.Ordinal));
            Assert.Equal("done", result.Ending);
            Assert.All(result.Volumes, v => Assert.Null(v.Error));
            Assert.Equal(["first", "second", "second-data"], h.Reader.Labels.Order(StringComparer.Ordinal));
            Assert.Empty(result.Leftovers);
            Assert.Empty(h.Cloud.ArgusResources());
            Assert.Empty(h.Cloud.Denied);
            Assert.Equal(before, h.Cloud.Fingerprint());
            Assert.Contains(h.Cloud.WriteAttempts, w => w.StartsWith("kms:CreateGrant arn:aws:kms:eu-west-1:333333333333:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_crash_after_any_write_is_resumed_across_both_accounts_or_cleaned_up_by_tag()
    {
        int writes;
        {
            var (h, access, _) = Setup();
            using (h)
            {
                var cloud = h.NewCloud();
                var options = h.Options();
                await new VmScanRunner(cloud, access, h.Journals, h.Devices, h.Reader, h.Devices, options)
                    .RunAsync(await new VmScanPlanner(cloud, access).PlanAsync(options, DateTimeOffset.UtcNow, CancellationToken.None), CancellationToken.None);
                writes = cloud.Writes;
            }
        }

        Assert.True(writes >= 12, $"only {writes} writes");
        for (var crashAt = 1; crashAt <= writes; crashAt++)
        {
            foreach (var resume in new[] { true, false })
            {
                var (h, access, before) = Setup();
                using (h)
                {
                    var options = h.Options();
                    var plan = await new VmScanPlanner(h.NewCloud(), access).PlanAsync(options, DateTimeOffset.UtcNow, CancellationToken.None);
                    var at = crashAt;
                    await Assert.ThrowsAsync<Crash>(() => new VmScanRunner(h.NewCloud((_, n, _) => n == at ? throw new Crash() : Task.CompletedTask), access, h.Journals, h.Devices, h.Reader, h.Devices, options)
                        .RunAsync(plan, CancellationToken.None));
                    if (resume)
                    {
                        var resumed = await new VmScanRunner(h.NewCloud(), access, h.Journals, h.Devices, h.Reader, h.Devices, options).ResumeAsync(plan.ScanId, CancellationToken.None);
                        Assert.Equal("done", resumed.Ending);
                        Assert.All(resumed.Volumes, v => Assert.Null(v.Error));
                    }
                    else
                    {
                        File.Delete(h.Journals.PathOf(plan.ScanId));
                        var cleaned = await new VmScanCleaner(h.NewCloud(), options).CleanAsync(Contexts(h, access), null, null,
                            [(access.TargetIn(ScanHarness.Target, ScanHarness.Region), plan.Instances.SelectMany(i => i.Volumes).First(v => v.KmsKeyId?.Contains(ScanHarness.Target, StringComparison.Ordinal) == true).KmsKeyId!),
                             (access.TargetIn(Second, ScanHarness.Region), plan.Instances.SelectMany(i => i.Volumes).First(v => v.KmsKeyId?.Contains(Second, StringComparison.Ordinal) == true).KmsKeyId!)],
                            execute: true, CancellationToken.None);
                        Assert.All(cleaned, c => Assert.Equal("removed", c.Outcome));
                    }

                    Assert.True(h.Cloud.ArgusResources().Count == 0, $"crash at write {at}, resume {resume}: left {string.Join(", ", h.Cloud.ArgusResources())}");
                    Assert.Empty(h.Cloud.Denied);
                    Assert.Equal(before, h.Cloud.Fingerprint());
                }
            }
        }
    }

    [Fact]
    public void An_account_outside_the_run_is_named_in_the_error()
    {
        var (h, access, _) = Setup();
        using (h)
        {
            var error = Assert.Throws<VmScanPlanException>(() => access.TargetIn("444444444444", ScanHarness.Region));
            Assert.Contains("444444444444 is not among the accounts of this run (111111111111, 333333333333)", error.Message);
        }
    }
}
