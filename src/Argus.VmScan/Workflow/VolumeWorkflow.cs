using System.Text.Json.Nodes;
using Argus.Aws.Client;
using Argus.VmScan.Disks;

namespace Argus.VmScan.Workflow;

/// <summary>
/// One volume's scan as a resumable state machine: snapshot, wait, key (grant or re-encrypted copy), share, copy to
/// the scanner's region, read (direct or attached), clean up. Each step first looks in the journal, then for a
/// resource carrying this scan's tags (a crash may have come between sending and recording), and only then creates;
/// its id is recorded before the next step.
/// </summary>
internal sealed class VolumeWorkflow(VmScanCloud cloud, VmScanAccess access, ScanPlan plan, JournalKeeper journal, IBlockDeviceSource devices,
    IDiskReader disks, IDeviceLocator locator, VmScanOptions options, IProgress<VmScanEvent>? events, Scanner.RemoteReader? remote = null)
{
    /// <summary>Operations a grant to the reader allows: decrypting blocks, and EC2 creating a volume or copy from the snapshot for it.</summary>
    public static readonly string[] GrantOperations = ["Decrypt", "DescribeKey", "CreateGrant", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo"];

    private readonly Ec2Resources ec2 = new(cloud, options);

    private string ScanId => plan.ScanId;

    public async Task<VolumeOutcome> RunAsync(PlannedInstance instance, PlannedVolume volume, CancellationToken ct)
    {
        var p = journal.Current.For(volume.VolumeId);
        if (p.CleanedUp)
        {
            return new VolumeOutcome(instance, volume, plan.Mode, null, p.ReadSummary, p.Error);
        }

        if (p.ReadSummary is not null)
        {
            // Read before a crash: what is left is the cleanup, which finds each resource again or sees it gone.
            await CleanupAsync(p, instance, ct).ConfigureAwait(false);
            return new VolumeOutcome(instance, volume, plan.Mode, null, p.ReadSummary, null);
        }

        var target = access.TargetIn(instance.Account, instance.Region);
        var scanner = access.Scanner(plan.ScannerRegion);

        p = await SnapshotAsync(p, volume, target, ct).ConfigureAwait(false);
        var readable = p.SnapshotId!;
        if (volume.KeyCase == KeyCase.AwsManagedKey)
        {
            p = await ReencryptAsync(p, instance, target, ct).ConfigureAwait(false);
            readable = p.ReencryptedId!;
        }
        else if (volume.KeyCase == KeyCase.CustomerManagedKey)
        {
            p = await GrantAsync(p, volume, target, ct).ConfigureAwait(false);
        }

        if (plan.ScannerAccount != instance.Account && !p.Shared)
        {
            var snapshot = await ec2.SnapshotAsync(readable, target, ct).ConfigureAwait(false) ?? throw new VmScanStepException($"snapshot {readable} disappeared before it was shared");
            Ec2Resources.EnsureOwned(snapshot, readable, ScanId);
            await cloud.WriteAsync("ec2", "ModifySnapshotAttribute", readable, new JsonObject
            {
                ["SnapshotId"] = readable,
                ["Attribute"] = "createVolumePermission",
                ["OperationType"] = "add",
                ["UserIds"] = new JsonArray(plan.ScannerAccount),
            }, target, ct).ConfigureAwait(false);
            p = journal.Record(p with { Shared = true });
        }

        if (plan.ScannerRegion != instance.Region)
        {
            p = await ScannerCopyAsync(p, readable, instance, scanner, ct).ConfigureAwait(false);
            readable = p.ScannerCopyId!;
        }

        var scans = await ReadAsync(p, instance, volume, readable, scanner, ct).ConfigureAwait(false);
        p = journal.Record(journal.Current.For(volume.VolumeId) with { ReadSummary = Summarize(scans) });
        await CleanupAsync(p, instance, ct).ConfigureAwait(false);
        return new VolumeOutcome(instance, volume, plan.Mode, scans, p.ReadSummary, null);
    }

    private async Task<VolumeProgress> SnapshotAsync(VolumeProgress p, PlannedVolume volume, AwsCallContext target, CancellationToken ct)
    {
        var id = p.SnapshotId ?? (await ec2.OwnedSnapshotsAsync(ScanId, target, ct, Source(volume.VolumeId), Purpose("snapshot")).ConfigureAwait(false))
            .Select(s => VmScanCloud.Text(s, "SnapshotId")).FirstOrDefault();
        if (id is null)
        {
            var created = await cloud.WriteAsync("ec2", "CreateSnapshot", volume.VolumeId, new JsonObject
            {
                ["VolumeId"] = volume.VolumeId,
                ["Description"] = $"Argus scan {ScanId} of {volume.VolumeId}; deleted when the scan ends",
                ["TagSpecifications"] = VmScanCloud.TagSpecifications("snapshot", ScanId, volume.VolumeId, "snapshot"),
            }, target, ct).ConfigureAwait(false);
            id = VmScanCloud.Text(created, "SnapshotId");
        }

        p = p.SnapshotId == id ? p : journal.Record(p with { SnapshotId = id });
        events?.Report(new VmScanEvent("wait", null, id, "waiting for the snapshot to complete"));
        await ec2.WaitSnapshotAsync(id, ScanId, target, ct).ConfigureAwait(false);
        return p;
    }

    private async Task<VolumeProgress> ReencryptAsync(VolumeProgress p, PlannedInstance instance, AwsCallContext target, CancellationToken ct)
    {
        var id = p.ReencryptedId ?? (await ec2.OwnedSnapshotsAsync(ScanId, target, ct, Source(p.SnapshotId!), Purpose("reencrypted")).ConfigureAwait(false))
            .Select(s => VmScanCloud.Text(s, "SnapshotId")).FirstOrDefault();
        if (id is null)
        {
            var created = await cloud.WriteAsync("ec2", "CopySnapshot", p.SnapshotId!, new JsonObject
            {
                ["SourceSnapshotId"] = p.SnapshotId,
                ["SourceRegion"] = instance.Region,
                ["Encrypted"] = true,
                ["KmsKeyId"] = plan.ScannerKmsKeyId,
                ["Description"] = $"Argus scan {ScanId}: {p.SnapshotId} under the scanner's key (aws/ebs cannot be shared)",
                ["TagSpecifications"] = VmScanCloud.TagSpecifications("snapshot", ScanId, p.SnapshotId!, "reencrypted"),
            }, target, ct).ConfigureAwait(false);
            id = VmScanCloud.Text(created, "SnapshotId");
        }

        p = p.ReencryptedId == id ? p : journal.Record(p with { ReencryptedId = id });
        await ec2.WaitSnapshotAsync(id, ScanId, target, ct).ConfigureAwait(false);
        return p;
    }

    private async Task<VolumeProgress> GrantAsync(VolumeProgress p, PlannedVolume volume, AwsCallContext target, CancellationToken ct)
    {
        if (p.GrantId is not null)
        {
            return p;
        }

        var account = journal.Current.Plan.Instances.First(i => i.InstanceId == p.InstanceId).Account;
        var key = volume.KmsKeyId!;
        var name = VmScanTags.GrantName(ScanId);
        var grants = await cloud.ReadAllAsync("kms", "ListGrants", new JsonObject { ["KeyId"] = key }, target, ct).ConfigureAwait(false);
        var id = (grants["Grants"] as JsonArray ?? [])
            .FirstOrDefault(g => g?["Name"]?.GetValue<string>() == name && g["GranteePrincipal"]?.GetValue<string>() == plan.ReaderPrincipal)?["GrantId"]?.GetValue<string>();
        if (id is null)
        {
            var created = await cloud.WriteAsync("kms", "CreateGrant", key, new JsonObject
            {
                ["KeyId"] = key,
                ["GranteePrincipal"] = plan.ReaderPrincipal,
                ["RetiringPrincipal"] = $"arn:aws:iam::{account}:root",
                ["Operations"] = new JsonArray(GrantOperations.Select(o => (JsonNode)o).ToArray()),
                ["Name"] = name,
            }, target, ct).ConfigureAwait(false);
            id = VmScanCloud.Text(created, "GrantId");
        }

        return journal.Record(p with { GrantId = id, GrantKeyId = key });
    }

    private async Task<VolumeProgress> ScannerCopyAsync(VolumeProgress p, string source, PlannedInstance instance, AwsCallContext scanner, CancellationToken ct)
    {
        var id = p.ScannerCopyId ?? (await ec2.OwnedSnapshotsAsync(ScanId, scanner, ct, Source(source), Purpose("scanner-copy")).ConfigureAwait(false))
            .Select(s => VmScanCloud.Text(s, "SnapshotId")).FirstOrDefault();
        if (id is null)
        {
            var created = await cloud.WriteAsync("ec2", "CopySnapshot", source, new JsonObject
            {
                ["SourceSnapshotId"] = source,
                ["SourceRegion"] = instance.Region,
                ["Description"] = $"Argus scan {ScanId}: {source} copied to the scanner's region",
                ["TagSpecifications"] = VmScanCloud.TagSpecifications("snapshot", ScanId, source, "scanner-copy"),
            }, scanner, ct).ConfigureAwait(false);
            id = VmScanCloud.Text(created, "SnapshotId");
        }

        p = p.ScannerCopyId == id ? p : journal.Record(p with { ScannerCopyId = id });
        await ec2.WaitSnapshotAsync(id, ScanId, scanner, ct).ConfigureAwait(false);
        return p;
    }

    private async Task<IReadOnlyList<FileSystemScan>> ReadAsync(VolumeProgress p, PlannedInstance instance, PlannedVolume volume, string snapshotId, AwsCallContext scanner, CancellationToken ct)
    {
        var target = $"{instance.InstanceId} {volume.VolumeId} ({volume.Device})";
        if (plan.Mode == ReadMode.Direct)
        {
            events?.Report(new VmScanEvent("step", null, snapshotId, "reading the snapshot through the EBS direct APIs"));
            await using var device = await devices.OpenSnapshotAsync(scanner, snapshotId, ct).ConfigureAwait(false);
            return await disks.ScanAsync(device, target, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
        }

        var (scanVolume, attachedAs) = await AttachAsync(p, volume, snapshotId, scanner, ct).ConfigureAwait(false);
        if (remote is not null)
        {
            events?.Report(new VmScanEvent("step", null, scanVolume, $"asking the scanner {plan.ScannerInstanceId} to read it"));
            return await remote.ReadAsync(new Scanner.ScanJob(ScanId, scanVolume, attachedAs, target), ct).ConfigureAwait(false);
        }

        var path = await LocateAsync(scanVolume, attachedAs, ct).ConfigureAwait(false);
        events?.Report(new VmScanEvent("step", null, scanVolume, $"reading {path}"));
        await using (var device = devices.OpenDevice(path))
        {
            return await disks.ScanAsync(device, target, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
        }
    }

    private async Task<(string Volume, string Device)> AttachAsync(VolumeProgress p, PlannedVolume volume, string snapshotId, AwsCallContext scanner, CancellationToken ct)
    {
        var id = p.ScanVolumeId ?? (await ec2.OwnedVolumesAsync(ScanId, scanner, ct, Source(snapshotId), Purpose("volume")).ConfigureAwait(false))
            .Select(v => VmScanCloud.Text(v, "VolumeId")).FirstOrDefault();
        if (id is null)
        {
            var created = await cloud.WriteAsync("ec2", "CreateVolume", snapshotId, new JsonObject
            {
                ["SnapshotId"] = snapshotId,
                ["AvailabilityZone"] = plan.ScannerAvailabilityZone,
                ["VolumeType"] = "gp3",
                ["TagSpecifications"] = VmScanCloud.TagSpecifications("volume", ScanId, snapshotId, "volume"),
            }, scanner, ct).ConfigureAwait(false);
            id = VmScanCloud.Text(created, "VolumeId");
        }

        p = p.ScanVolumeId == id ? p : journal.Record(p with { ScanVolumeId = id });
        var described = await ec2.WaitVolumeAsync(id, scanner, v => v["State"]?.GetValue<string>() is "available" or "in-use", "available", ct).ConfigureAwait(false);
        var device = p.AttachedAs;
        if (Ec2Resources.Attachment(described) is null)
        {
            Ec2Resources.EnsureOwned(described, id, ScanId);
            device = await FreeDeviceAsync(scanner, ct).ConfigureAwait(false);
            await cloud.WriteAsync("ec2", "AttachVolume", id, new JsonObject
            {
                ["VolumeId"] = id,
                ["InstanceId"] = plan.ScannerInstanceId,
                ["Device"] = device,
            }, scanner, ct).ConfigureAwait(false);
            p = journal.Record(p with { AttachedAs = device });
        }
        else
        {
            device ??= (described["Attachments"] as JsonArray)?.FirstOrDefault()?["Device"]?.GetValue<string>() ?? "/dev/sdf";
            p = p.AttachedAs == device ? p : journal.Record(p with { AttachedAs = device });
        }

        await ec2.WaitVolumeAsync(id, scanner, v => Ec2Resources.Attachment(v) == "attached", "attached", ct).ConfigureAwait(false);
        return (id, device!);
    }

    /// <summary>The attached volume's device on this machine, once it appears.</summary>
    private async Task<string> LocateAsync(string id, string device, CancellationToken ct)
    {
        for (var poll = 0; ; poll++)
        {
            if (locator.Locate(id, device) is { } path)
            {
                return path;
            }

            if (poll >= options.MaxPolls)
            {
                throw new VmScanStepException($"volume {id} is attached as {device} but no device appeared for it on this machine");
            }

            await Task.Delay(options.PollInterval, ct).ConfigureAwait(false);
        }
    }

    private async Task<string> FreeDeviceAsync(AwsCallContext scanner, CancellationToken ct)
    {
        var answer = await cloud.ReadAllAsync("ec2", "DescribeInstances", new JsonObject { ["InstanceIds"] = new JsonArray(plan.ScannerInstanceId) }, scanner, ct).ConfigureAwait(false);
        var used = (answer["Reservations"] as JsonArray ?? []).SelectMany(r => r?["Instances"] as JsonArray ?? [])
            .SelectMany(i => i?["BlockDeviceMappings"] as JsonArray ?? [])
            .Select(m => m?["DeviceName"]?.GetValue<string>()).OfType<string>()
            .Select(d => d.Replace("/dev/xvd", "/dev/sd", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range('f', 'z' - 'f' + 1).Select(c => "/dev/sd" + (char)c).FirstOrDefault(d => !used.Contains(d))
            ?? throw new VmScanStepException($"scanner instance {plan.ScannerInstanceId} has no free device name /dev/sdf-/dev/sdz");
    }

    /// <summary>
    /// Removes what Argus created for one volume, the reverse of creating it: detach and delete the volume, the
    /// scanner-region copy, retire the grant, the re-encrypted copy, the snapshot last (cleanup by tag finds a
    /// grant's key through it). Each removal is recorded, so a crash in the middle resumes where it stopped.
    /// </summary>
    public async Task<VolumeProgress> CleanupAsync(VolumeProgress p, PlannedInstance instance, CancellationToken ct)
    {
        var target = access.TargetIn(instance.Account, instance.Region);
        var scanner = access.Scanner(plan.ScannerRegion);
        if (p.ScanVolumeId is { } volume)
        {
            await DeleteVolumeAsync(volume, scanner, ct).ConfigureAwait(false);
            p = journal.Record(p with { ScanVolumeId = null, AttachedAs = null });
        }

        if (p.ScannerCopyId is { } copy)
        {
            await DeleteSnapshotAsync(copy, scanner, ct).ConfigureAwait(false);
            p = journal.Record(p with { ScannerCopyId = null });
        }

        if (p.GrantId is { } grant)
        {
            await RetireGrantAsync(p.GrantKeyId!, grant, target, ct).ConfigureAwait(false);
            p = journal.Record(p with { GrantId = null, GrantKeyId = null });
        }

        if (p.ReencryptedId is { } reencrypted)
        {
            await DeleteSnapshotAsync(reencrypted, target, ct).ConfigureAwait(false);
            p = journal.Record(p with { ReencryptedId = null });
        }

        if (p.SnapshotId is { } snapshot)
        {
            await DeleteSnapshotAsync(snapshot, target, ct).ConfigureAwait(false);
            p = journal.Record(p with { SnapshotId = null });
        }

        return journal.Record(p with { CleanedUp = true, Shared = false });
    }

    private async Task DeleteVolumeAsync(string id, AwsCallContext ctx, CancellationToken ct)
    {
        var volume = await ec2.VolumeAsync(id, ctx, ct).ConfigureAwait(false);
        if (volume is null)
        {
            return;
        }

        Ec2Resources.EnsureOwned(volume, id, ScanId);
        await VmScanCleaner.DetachAndDeleteAsync(cloud, ec2, volume, id, ctx, ct).ConfigureAwait(false);
    }

    private async Task DeleteSnapshotAsync(string id, AwsCallContext ctx, CancellationToken ct)
    {
        var snapshot = await ec2.SnapshotAsync(id, ctx, ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return;
        }

        Ec2Resources.EnsureOwned(snapshot, id, ScanId);
        await VmScanCleaner.DeleteSnapshotAsync(cloud, id, ctx, ct).ConfigureAwait(false);
    }

    private async Task RetireGrantAsync(string key, string grant, AwsCallContext ctx, CancellationToken ct)
    {
        try
        {
            await cloud.WriteAsync("kms", "RetireGrant", key, new JsonObject { ["KeyId"] = key, ["GrantId"] = grant }, ctx, ct).ConfigureAwait(false);
        }
        catch (AwsApiException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            // retired before a crash that kept it from being recorded
        }
    }

    private static string Summarize(IReadOnlyList<FileSystemScan> scans) => scans.Count == 0
        ? "no file system found"
        : string.Join("; ", scans.Select(s => s.Report is { } r
            ? $"{s.Partition} {s.FileSystemType}: {r.Inventory.Os?.PrettyName ?? "unknown OS"}, {r.Inventory.Packages.Count} packages, {r.Matches.Count} vulnerabilities"
            : $"{s.Partition} {s.FileSystemType}: not read ({s.Error})"));

    private static JsonObject Source(string id) => VmScanCloud.Filter("tag:" + VmScanTags.SourceKey, id);

    private static JsonObject Purpose(string purpose) => VmScanCloud.Filter("tag:" + VmScanTags.PurposeKey, purpose);
}
