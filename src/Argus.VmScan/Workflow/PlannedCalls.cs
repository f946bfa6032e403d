namespace Argus.VmScan.Workflow;

/// <summary>The writes a plan leads to, volume by volume, in order: what 'argus vm-scan run' without --execute prints.</summary>
public static class PlannedCalls
{
    public static IReadOnlyList<PlannedCall> For(ScanPlan plan)
    {
        var calls = new List<PlannedCall>();
        foreach (var instance in plan.Instances)
        {
            foreach (var volume in instance.Volumes)
            {
                calls.AddRange(ForVolume(plan, instance, volume));
            }
        }

        return calls;
    }

    private static IEnumerable<PlannedCall> ForVolume(ScanPlan plan, PlannedInstance instance, PlannedVolume volume)
    {
        var (account, region) = (instance.Account, instance.Region);
        var snapshot = $"snapshot of {volume.VolumeId}";
        yield return new("ec2:CreateSnapshot", volume.VolumeId, account, region, "snapshot the volume, tagged with the scan id");
        if (volume.KeyCase == KeyCase.AwsManagedKey)
        {
            yield return new("ec2:CopySnapshot", snapshot, account, region, $"re-encrypt under the scanner's key {plan.ScannerKmsKeyId} (aws/ebs cannot be shared)");
            snapshot = $"re-encrypted copy of {volume.VolumeId}";
        }
        else if (volume.KeyCase == KeyCase.CustomerManagedKey)
        {
            yield return new("kms:CreateGrant", volume.KmsKeyId!, account, region, $"let {plan.ReaderPrincipal} decrypt the snapshot for this scan");
        }

        if (plan.ScannerAccount != account)
        {
            yield return new("ec2:ModifySnapshotAttribute", snapshot, account, region, $"share it with the scanner account {plan.ScannerAccount}");
        }

        var read = snapshot;
        if (plan.ScannerRegion != region)
        {
            yield return new("ec2:CopySnapshot", snapshot, plan.ScannerAccount, plan.ScannerRegion, $"copy it to the scanner's region {plan.ScannerRegion}");
            yield return new("ec2:DeleteSnapshot", $"scanner-region copy of {volume.VolumeId}", plan.ScannerAccount, plan.ScannerRegion, "remove the copy after reading");
            read = $"scanner-region copy of {volume.VolumeId}";
        }

        if (plan.Mode == ReadMode.Attach)
        {
            yield return new("ec2:CreateVolume", read, plan.ScannerAccount, plan.ScannerRegion, $"a volume in {plan.ScannerAvailabilityZone}, the scanner's zone");
            yield return new("ec2:AttachVolume", $"volume from {volume.VolumeId}", plan.ScannerAccount, plan.ScannerRegion, $"attach it to {plan.ScannerInstanceId} and read it");
            yield return new("ec2:DetachVolume", $"volume from {volume.VolumeId}", plan.ScannerAccount, plan.ScannerRegion, "detach it after reading");
            yield return new("ec2:DeleteVolume", $"volume from {volume.VolumeId}", plan.ScannerAccount, plan.ScannerRegion, "delete it");
        }

        if (volume.KeyCase == KeyCase.CustomerManagedKey)
        {
            yield return new("kms:RetireGrant", volume.KmsKeyId!, account, region, "retire the scan's grant");
        }

        if (volume.KeyCase == KeyCase.AwsManagedKey)
        {
            yield return new("ec2:DeleteSnapshot", $"re-encrypted copy of {volume.VolumeId}", account, region, "remove the copy");
        }

        yield return new("ec2:DeleteSnapshot", $"snapshot of {volume.VolumeId}", account, region, "remove the snapshot");
    }
}
