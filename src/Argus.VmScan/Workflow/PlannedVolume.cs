namespace Argus.VmScan.Workflow;

/// <summary>One EBS volume of a planned instance.</summary>
/// <param name="Device">The device name the instance sees it as (/dev/xvda).</param>
/// <param name="KmsKeyId">The key's ARN when encrypted.</param>
public sealed record PlannedVolume(string VolumeId, string Device, int SizeGiB, bool Encrypted, string? KmsKeyId, KeyCase KeyCase);
