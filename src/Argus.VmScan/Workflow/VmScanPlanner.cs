using System.Text.Json.Nodes;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Chooses the instances and all their EBS volumes (DescribeInstances, DescribeVolumes), learns each key's manager
/// (kms:DescribeKey) and finds the scanner: reads only, so a dry run can show the plan.
/// </summary>
public sealed class VmScanPlanner(VmScanCloud cloud, VmScanAccess access, InstanceMetadata? metadata = null)
{
    public async Task<ScanPlan> PlanAsync(VmScanOptions options, DateTimeOffset at, CancellationToken ct)
    {
        if (options.Regions.Count == 0)
        {
            throw new VmScanPlanException("no region to scan; name at least one (--regions)");
        }

        var instances = new List<PlannedInstance>();
        foreach (var account in access.TargetAccounts)
        {
            foreach (var region in options.Regions)
            {
                instances.AddRange(await InstancesAsync(account, region, options, ct).ConfigureAwait(false));
            }
        }

        var missing = options.InstanceIds.Except(instances.Select(i => i.InstanceId), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new VmScanPlanException($"no running or stopped instance {string.Join(", ", missing)} in {string.Join(", ", options.Regions)} of account{(access.TargetAccounts.Count > 1 ? "s" : "")} {string.Join(", ", access.TargetAccounts)}");
        }

        if (options.ScannerKmsKeyId is null && instances.SelectMany(i => i.Volumes).FirstOrDefault(v => v.KeyCase == KeyCase.AwsManagedKey) is { } managed)
        {
            throw new VmScanPlanException($"{managed.VolumeId} is encrypted with the AWS managed key aws/ebs, which cannot be shared: name the scanner's key to copy it under (--scanner-kms-key)");
        }

        var scannerRegion = options.ScannerRegion ?? options.Regions[0];
        string? scannerInstance = null;
        string? zone = null;
        if (options.Mode == ReadMode.Attach && options.Launch is { } launch)
        {
            // Launched for this scan: the instance id is known once it runs; its zone is chosen now, for the volumes.
            zone = launch.Zone ?? scannerRegion + "a";
            if (!zone.StartsWith(scannerRegion, StringComparison.Ordinal))
            {
                throw new VmScanPlanException($"--scanner-zone {zone} is not a zone of the scanner region {scannerRegion}");
            }
        }
        else if (options.Mode == ReadMode.Attach)
        {
            (scannerInstance, zone) = await ScannerInstanceAsync(options, scannerRegion, ct).ConfigureAwait(false);
        }
        else if (options.Launch is not null)
        {
            throw new VmScanPlanException("a launched scanner reads attached volumes: use --mode attach with --scanner launch");
        }

        var reader = options.ReaderPrincipal ?? $"arn:aws:iam::{access.ScannerAccount}:role/{options.RoleName}";
        return new ScanPlan(ScanPlan.NewScanId(at), at, options.Mode, access.ScannerAccount, scannerRegion, reader, options.ScannerKmsKeyId,
            scannerInstance, zone, instances) { Launch = options.Mode == ReadMode.Attach ? options.Launch : null };
    }

    private async Task<List<PlannedInstance>> InstancesAsync(string account, string region, VmScanOptions options, CancellationToken ct)
    {
        var ctx = access.TargetIn(account, region);
        var filters = new JsonArray(VmScanCloud.Filter("instance-state-name", "running", "stopped"));
        if (options.InstanceIds.Count > 0)
        {
            filters.Add(VmScanCloud.Filter("instance-id", [.. options.InstanceIds]));
        }

        foreach (var (key, value) in options.Tags)
        {
            filters.Add(value is null ? VmScanCloud.Filter("tag-key", key) : VmScanCloud.Filter("tag:" + key, value));
        }

        var answer = await cloud.ReadAllAsync("ec2", "DescribeInstances", new JsonObject { ["Filters"] = filters }, ctx, ct).ConfigureAwait(false);
        var found = (answer["Reservations"] as JsonArray ?? []).SelectMany(r => r?["Instances"] as JsonArray ?? [])
            .Where(i => i is not null && VmScanCloud.Tags(i).GetValueOrDefault(VmScanTags.OwnerKey) != VmScanTags.OwnerValue)
            .Select(i => i!)
            .ToList();
        var devices = found.SelectMany(i => (i["BlockDeviceMappings"] as JsonArray ?? [])
                .Where(m => m?["Ebs"]?["VolumeId"] is not null)
                .Select(m => (Instance: VmScanCloud.Text(i, "InstanceId"), Volume: VmScanCloud.Text(m!["Ebs"], "VolumeId"), Device: m!["DeviceName"]?.GetValue<string>() ?? "")))
            .ToList();
        var volumes = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var chunk in devices.Select(d => d.Volume).Distinct().Chunk(200))
        {
            var described = await cloud.ReadAllAsync("ec2", "DescribeVolumes", new JsonObject { ["VolumeIds"] = new JsonArray(chunk.Select(v => (JsonNode)v).ToArray()) }, ctx, ct).ConfigureAwait(false);
            foreach (var volume in described["Volumes"] as JsonArray ?? [])
            {
                volumes[VmScanCloud.Text(volume, "VolumeId")] = volume!;
            }
        }

        var managers = new Dictionary<string, KeyCase>(StringComparer.Ordinal);
        foreach (var key in volumes.Values.Where(v => v["Encrypted"]?.GetValue<bool>() == true).Select(v => VmScanCloud.Text(v, "KmsKeyId")).Distinct())
        {
            var described = await cloud.ReadAsync("kms", "DescribeKey", new JsonObject { ["KeyId"] = key }, ctx, ct).ConfigureAwait(false);
            managers[key] = described["KeyMetadata"]?["KeyManager"]?.GetValue<string>() == "AWS" ? KeyCase.AwsManagedKey : KeyCase.CustomerManagedKey;
        }

        return found.Select(i =>
        {
            var id = VmScanCloud.Text(i, "InstanceId");
            var planned = devices.Where(d => d.Instance == id && volumes.ContainsKey(d.Volume)).Select(d =>
            {
                var v = volumes[d.Volume];
                var encrypted = v["Encrypted"]?.GetValue<bool>() == true;
                var key = encrypted ? VmScanCloud.Text(v, "KmsKeyId") : null;
                return new PlannedVolume(d.Volume, d.Device, v["Size"]?.GetValue<int>() ?? 0, encrypted, key, key is null ? KeyCase.Unencrypted : managers[key]);
            }).ToList();
            return new PlannedInstance(id, account, region, i["Placement"]?["AvailabilityZone"]?.GetValue<string>() ?? "",
                VmScanCloud.Tags(i).GetValueOrDefault("Name"), planned);
        }).Where(i => i.Volumes.Count > 0).ToList();
    }

    private async Task<(string Instance, string Zone)> ScannerInstanceAsync(VmScanOptions options, string region, CancellationToken ct)
    {
        var id = options.ScannerInstance is null or "self"
            ? await (metadata ?? throw new VmScanPlanException("attach mode needs --scanner-instance self|i-...")).InstanceIdAsync(ct).ConfigureAwait(false)
            : options.ScannerInstance;
        var answer = await cloud.ReadAllAsync("ec2", "DescribeInstances", new JsonObject { ["InstanceIds"] = new JsonArray(id) }, access.Scanner(region), ct).ConfigureAwait(false);
        var instance = (answer["Reservations"] as JsonArray ?? []).SelectMany(r => r?["Instances"] as JsonArray ?? []).FirstOrDefault()
            ?? throw new VmScanPlanException($"scanner instance {id} is not in {region} of the scanner account {access.ScannerAccount}");
        if (VmScanCloud.Tags(instance).GetValueOrDefault(VmScanTags.OwnerKey) != VmScanTags.OwnerValue)
        {
            throw new VmScanPlanException($"scanner instance {id} is not tagged {VmScanTags.OwnerKey}={VmScanTags.OwnerValue}; the policy lets Argus attach volumes only to instances carrying it (tag it, then run again)");
        }

        return (id, VmScanCloud.Text(instance["Placement"], "AvailabilityZone"));
    }
}
