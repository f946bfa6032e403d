namespace Argus.VmScan.Workflow;

/// <summary>The scan cannot be planned as asked (no scanner key for an aws/ebs volume, a scanner instance without the Argus tag, ...); nothing was changed.</summary>
public sealed class VmScanPlanException(string message) : Exception(message);
