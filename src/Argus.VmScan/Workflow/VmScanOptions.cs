namespace Argus.VmScan.Workflow;

/// <summary>What to scan and how.</summary>
/// <param name="Regions">Regions of the scanned account to look for instances in.</param>
/// <param name="InstanceIds">Only these instances; empty for all.</param>
/// <param name="Tags">Only instances carrying every one of these tags (key=value, or key alone for any value).</param>
/// <param name="ScannerRegion">Where the scanner reads; null for the first of <paramref name="Regions"/>.</param>
/// <param name="ScannerKmsKeyId">The scanner's key, which aws/ebs-encrypted snapshots are copied under; required only when one is planned.</param>
/// <param name="ScannerInstance">Attach mode: "self" (found through IMDSv2) or an instance id.</param>
/// <param name="ReaderPrincipal">The principal given customer-key grants; null for the scanner account's Argus role.</param>
public sealed record VmScanOptions(
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> InstanceIds,
    IReadOnlyDictionary<string, string?> Tags,
    ReadMode Mode = ReadMode.Direct,
    string? ScannerRegion = null,
    string? ScannerKmsKeyId = null,
    string? ScannerInstance = null,
    string? ReaderPrincipal = null,
    string RoleName = "ArgusOperator")
{
    /// <summary>Attach mode: launch a scanner instance (and its VPC) for the scan instead of using <see cref="ScannerInstance"/>.</summary>
    public Scanner.ScannerLaunch? Launch { get; init; }

    /// <summary>How long one scan may take before it stops and cleans up.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Between two polls of a snapshot, volume or attachment state.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Polls before a wait gives up (the time limit usually comes first).</summary>
    public int MaxPolls { get; init; } = 2000;
}
