namespace Argus.VmScan.Workflow;

/// <summary>One instance to scan, with every EBS volume attached to it (root and data).</summary>
public sealed record PlannedInstance(string InstanceId, string Account, string Region, string AvailabilityZone, string? Name, IReadOnlyList<PlannedVolume> Volumes);
