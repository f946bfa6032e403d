using System.Text.Json.Nodes;
using Argus.Core.Import;
using Argus.VmScan.Tests.StandIns;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Tests;

/// <summary>
/// A crash after every write (sent, answered, not yet recorded), then resume, then cleanup by tag: the scan
/// completes, the stand-in ends with no Argus resource, and nothing else changed.
/// </summary>
[Collection(nameof(StandInCollection))]
public sealed class CrashSafetyTests
{
    private sealed class Crash : Exception;

    public static TheoryData<ReadMode, bool> Cases => new()
    {
        { ReadMode.Direct, false },
        { ReadMode.Attach, false },
        { ReadMode.Direct, true },
        { ReadMode.Attach, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_crash_after_any_write_is_resumed_then_cleaned_up(ReadMode mode, bool crossAccount)
    {
        var writes = await WritesOfAWholeScan(mode, crossAccount);
        Assert.True(writes >= 2 * CreatesOfAWholeScan(mode, crossAccount), $"only {writes} writes");
        for (var crashAt = 1; crashAt <= writes; crashAt++)
        {
            using var h = Setup(mode, crossAccount, out var before);
            var options = h.Options(mode);
            var plan = await h.PlanAsync(h.NewCloud(), options);
            var at = crashAt;
            var crashing = h.NewCloud((_, n, _) => n == at ? throw new Crash() : Task.CompletedTask);
            await Assert.ThrowsAsync<Crash>(() => h.Runner(crashing, options).RunAsync(plan, CancellationToken.None));
            Assert.Equal("running", h.Journals.Load(plan.ScanId)!.State);

            var resumed = await h.Runner(h.NewCloud(), options).ResumeAsync(plan.ScanId, CancellationToken.None);

            Assert.Equal("done", resumed.Ending);
            Assert.All(resumed.Volumes, v => Assert.Null(v.Error));
            Assert.Equal(2, h.Reader.Labels.Distinct().Count());
            Assert.All(resumed.Volumes, v => Assert.NotNull(v.Summary));
            var creates = h.Cloud.WriteAttempts.Count(w => w.StartsWith("ec2:Create", StringComparison.Ordinal) || w.StartsWith("kms:CreateGrant", StringComparison.Ordinal));
            Assert.True(creates == CreatesOfAWholeScan(mode, crossAccount), $"crash at write {at}: {creates} creations, a step created twice: {string.Join(", ", h.Cloud.WriteAttempts)}");

            var cleaned = await new VmScanCleaner(h.NewCloud(), options).CleanAsync([h.Context(ScanHarness.Target, ScanHarness.Region), h.Context(h.ScannerAccount, ScanHarness.Region)],
                null, null, [], execute: true, CancellationToken.None);
            Assert.DoesNotContain(cleaned, c => c.Outcome == "removed");
            Assert.Empty(h.Cloud.ArgusResources());
            Assert.Empty(h.Cloud.Denied);
            Assert.Equal(before, h.Cloud.Fingerprint());
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_crash_after_any_write_is_cleaned_up_by_tag_alone(ReadMode mode, bool crossAccount)
    {
        var writes = await WritesOfAWholeScan(mode, crossAccount);
        for (var crashAt = 1; crashAt <= writes; crashAt++)
        {
            using var h = Setup(mode, crossAccount, out var before);
            var options = h.Options(mode);
            var plan = await h.PlanAsync(h.NewCloud(), options);
            var at = crashAt;
            await Assert.ThrowsAsync<Crash>(() => h.Runner(h.NewCloud((_, n, _) => n == at ? throw new Crash() : Task.CompletedTask), options).RunAsync(plan, CancellationToken.None));
            File.Delete(h.Journals.PathOf(plan.ScanId));

            var dry = await new VmScanCleaner(h.NewCloud(), options).CleanAsync(Contexts(h), plan.ScanId, null, [], execute: false, CancellationToken.None);
            var left = h.Cloud.ArgusResources().Count;
            var cleaned = await new VmScanCleaner(h.NewCloud(), options).CleanAsync(Contexts(h), plan.ScanId, null, [], execute: true, CancellationToken.None);

            Assert.Equal(left, dry.Count(c => c.Outcome == "would remove"));
            Assert.All(cleaned, c => Assert.Equal("removed", c.Outcome));
            Assert.Empty(h.Cloud.ArgusResources());
            Assert.Empty(h.Cloud.Denied);
            Assert.Equal(before, h.Cloud.Fingerprint());
        }
    }

    [Fact]
    public async Task Resources_without_both_argus_tags_are_never_touched()
    {
        using var h = Setup(ReadMode.Attach, false, out _);
        var victim = h.Cloud.Volumes.First(v => v.Attachment?.Instance != h.ScannerInstance.Id);
        var ownerOnly = h.Cloud.AddSnapshot(ScanHarness.Target, ScanHarness.Region, victim.Id, victim.ImagePath, new Dictionary<string, string> { ["argus:owner"] = "argus" });
        var untagged = h.Cloud.AddSnapshot(ScanHarness.Target, ScanHarness.Region, victim.Id, victim.ImagePath, new Dictionary<string, string> { ["Name"] = "argus snapshot of " + victim.Id });
        var options = h.Options(ReadMode.Attach);
        var plan = await h.PlanAsync(h.NewCloud(), options);
        await Assert.ThrowsAsync<Crash>(() => h.Runner(h.NewCloud((_, n, _) => n == 1 ? throw new Crash() : Task.CompletedTask), options).RunAsync(plan, CancellationToken.None));

        // A journal pointing at someone else's snapshot (edited, or a bug): Argus reads the tags and refuses.
        var path = h.Journals.PathOf(plan.ScanId);
        var journal = JsonNode.Parse(File.ReadAllText(path))!;
        journal["Volumes"]![0]!["SnapshotId"] = untagged.Id;
        File.WriteAllText(path, journal.ToJsonString());
        var resumed = await h.Runner(h.NewCloud(), options).ResumeAsync(plan.ScanId, CancellationToken.None);
        var cleaned = await new VmScanCleaner(h.NewCloud(), options).CleanAsync(Contexts(h), null, null, [], execute: true, CancellationToken.None);

        Assert.Contains(resumed.Volumes, v => v.Error?.Contains($"refusing to touch {untagged.Id}", StringComparison.Ordinal) == true);
        Assert.Contains(cleaned, c => c.Id == ownerOnly.Id && c.Outcome.StartsWith("refused", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Cloud.WriteAttempts, w => w.Contains(ownerOnly.Id, StringComparison.Ordinal) || w.Contains(untagged.Id, StringComparison.Ordinal));
        Assert.Contains(h.Cloud.Snapshots, s => s.Id == ownerOnly.Id);
        Assert.Contains(h.Cloud.Snapshots, s => s.Id == untagged.Id);
        Assert.Empty(h.Cloud.ArgusResources());
        Assert.Empty(h.Cloud.Denied);
    }

    [Fact]
    public async Task Cleanup_keeps_what_is_younger_than_asked_and_other_scans_leftovers_with_a_scan_id()
    {
        using var h = Setup(ReadMode.Direct, false, out _);
        var volume = h.Cloud.Volumes.First(v => v.Attachment?.Instance != h.ScannerInstance.Id);
        var other = h.Cloud.AddSnapshot(ScanHarness.Target, ScanHarness.Region, volume.Id, volume.ImagePath, new Dictionary<string, string> { ["argus:owner"] = "argus", ["argus:scan-id"] = "vm-other" });
        var cleaner = new VmScanCleaner(h.NewCloud(), h.Options());

        var young = await cleaner.CleanAsync(Contexts(h), null, DateTimeOffset.UtcNow.AddHours(-2), [], execute: true, CancellationToken.None);
        var mine = await cleaner.CleanAsync(Contexts(h), "vm-mine", null, [], execute: true, CancellationToken.None);
        var all = await cleaner.CleanAsync(Contexts(h), "vm-other", null, [], execute: true, CancellationToken.None);

        Assert.Equal("kept: younger than --older-than", Assert.Single(young).Outcome);
        Assert.Empty(mine);
        Assert.Equal("removed", Assert.Single(all, c => c.Id == other.Id).Outcome);
        Assert.DoesNotContain(h.Cloud.Snapshots, s => s.Id == other.Id);
    }

    [Fact]
    public void A_damaged_journal_is_refused_with_its_path_and_position()
    {
        var folder = new JournalFolder(TestDisks.NewFolder());
        Directory.CreateDirectory(folder.Folder);
        File.WriteAllText(folder.PathOf("vm-broken"), "{\n  \"Plan\": [1,\n");

        var e = Assert.Throws<ImportException>(() => folder.Load("vm-broken"));

        Assert.Contains(folder.PathOf("vm-broken"), e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => folder.PathOf("../etc/passwd"));
    }

    private static List<Aws.Client.AwsCallContext> Contexts(ScanHarness h) =>
        h.ScannerAccount == ScanHarness.Target
            ? [h.Context(ScanHarness.Target, ScanHarness.Region)]
            : [h.Context(ScanHarness.Target, ScanHarness.Region), h.Context(h.ScannerAccount, ScanHarness.Region)];

    private static int CreatesOfAWholeScan(ReadMode mode, bool crossAccount) =>
        2 * (1 + (mode == ReadMode.Attach ? 1 : 0)) + (crossAccount ? 1 : 0);

    private static async Task<int> WritesOfAWholeScan(ReadMode mode, bool crossAccount)
    {
        using var h = Setup(mode, crossAccount, out _);
        var options = h.Options(mode);
        var cloud = h.NewCloud();
        var result = await h.Runner(cloud, options).RunAsync(await h.PlanAsync(cloud, options), CancellationToken.None);
        Assert.All(result.Volumes, v => Assert.Null(v.Error));
        return cloud.Writes;
    }

    /// <summary>A web server with a customer-key root volume and a plain data volume (cross account: a grant and a share).</summary>
    private static ScanHarness Setup(ReadMode mode, bool crossAccount, out string before)
    {
        var h = new ScanHarness(separateScanner: crossAccount);
        string? key = crossAccount ? h.Cloud.AddKey(ScanHarness.Target, ScanHarness.Region, "CUSTOMER") : null;
        h.Cloud.AddInstance(ScanHarness.Target, ScanHarness.Region, "eu-west-1a", new Dictionary<string, string> { ["Name"] = "web" },
            ("/dev/xvda", TestDisks.Ext4(h.Folder, "web-root"), key),
            ("/dev/xvdb", TestDisks.Ext4(h.Folder, "web-data"), null));
        before = h.Cloud.Fingerprint();
        _ = mode;
        return h;
    }
}
