namespace Argus.VmScan.Workflow;

/// <summary>The writes a plan leads to, volume by volume, in order: what 'argus vm-scan run' without --execute prints.</summary>
public static class PlannedCalls
{
    public static IReadOnlyList<PlannedCall> For(ScanPlan plan)
    {
        var calls = new List<PlannedCall>();
        if (plan.Launch is not null)
        {
            calls.AddRange(LaunchScanner(plan));
        }

        foreach (var instance in plan.Instances)
        {
            foreach (var volume in instance.Volumes)
            {
                calls.AddRange(ForVolume(plan, instance, volume));
            }
        }

        if (plan.Launch is not null)
        {
            calls.AddRange(RemoveScanner(plan));
        }

        return calls;
    }

    private static IEnumerable<PlannedCall> LaunchScanner(ScanPlan plan)
    {
        var launch = plan.Launch!;
        var (account, region) = (plan.ScannerAccount, plan.ScannerRegion);
        yield return new("ec2:CreateVpc", launch.Cidr, account, region, "the scanner's own VPC, tagged with the scan id");
        yield return new("ec2:CreateSubnet", "scanner VPC", account, region, $"a subnet in {plan.ScannerAvailabilityZone}, the scanner's zone");
        yield return new("ec2:CreateInternetGateway", "scanner VPC", account, region, "so the scanner reaches S3 and EC2");
        yield return new("ec2:AttachInternetGateway", "scanner gateway", account, region, "attach it to the scanner VPC");
        yield return new("ec2:CreateRouteTable", "scanner VPC", account, region, "the scanner subnet's routes");
        yield return new("ec2:CreateRoute", "scanner route table", account, region, "0.0.0.0/0 to the internet gateway");
        yield return new("ec2:AssociateRouteTable", "scanner route table", account, region, "associate it with the scanner subnet");
        yield return new("ec2:CreateSecurityGroup", "scanner VPC", account, region, "no inbound rule; outbound to reach S3 and EC2");
        yield return new("ec2:RunInstances", launch.ImageId, account, region,
            $"{launch.InstanceType} {(launch.Spot ? "spot" : "on-demand")}, IMDSv2 only, profile {launch.InstanceProfile} (iam:PassRole), user data starts the worker");
        yield return new("s3:PutObject", launch.Results.JobsFolder(plan.ScanId), account, region, "a job per attached volume; the worker puts its result next to it");
    }

    private static IEnumerable<PlannedCall> RemoveScanner(ScanPlan plan)
    {
        var (account, region) = (plan.ScannerAccount, plan.ScannerRegion);
        yield return new("s3:DeleteObject", plan.Launch!.Results.ScanFolder(plan.ScanId), account, region, "remove the scan's jobs and results once read");
        yield return new("ec2:TerminateInstances", "scanner instance", account, region, "terminate it and wait until it is gone");
        yield return new("ec2:DeleteSecurityGroup", "scanner security group", account, region, "remove it");
        yield return new("ec2:DisassociateRouteTable", "scanner route table", account, region, "from the scanner subnet");
        yield return new("ec2:DeleteRouteTable", "scanner route table", account, region, "remove it");
        yield return new("ec2:DetachInternetGateway", "scanner gateway", account, region, "from the scanner VPC");
        yield return new("ec2:DeleteInternetGateway", "scanner gateway", account, region, "remove it");
        yield return new("ec2:DeleteSubnet", "scanner subnet", account, region, "remove it");
        yield return new("ec2:DeleteVpc", "scanner VPC", account, region, "remove it, last");
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
            yield return new("ec2:AttachVolume", $"volume from {volume.VolumeId}", plan.ScannerAccount, plan.ScannerRegion, $"attach it to {plan.ScannerInstanceId ?? "the launched scanner"} and read it");
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
