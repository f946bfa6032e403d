namespace Argus.VmScan.Workflow;

/// <summary>What one VM scan will do: its id, how it reads, where the scanner is, and the instances.</summary>
/// <param name="ScannerAccount">The account that reads the snapshots; snapshots from other accounts are shared with it.</param>
/// <param name="ScannerRegion">The region it reads in; snapshots from other regions are copied there.</param>
/// <param name="ReaderPrincipal">The principal a customer-key grant is given to (the scanner's role).</param>
/// <param name="ScannerInstanceId">In attach mode, the instance the volumes are attached to; else null.</param>
/// <param name="ScannerAvailabilityZone">In attach mode, the scanner instance's zone, where the volumes are created.</param>
public sealed record ScanPlan(
    string ScanId,
    DateTimeOffset CreatedAt,
    ReadMode Mode,
    string ScannerAccount,
    string ScannerRegion,
    string ReaderPrincipal,
    string? ScannerKmsKeyId,
    string? ScannerInstanceId,
    string? ScannerAvailabilityZone,
    IReadOnlyList<PlannedInstance> Instances)
{
    /// <summary>Attach mode with a scanner Argus launches (and removes) for this scan; null when the user named one.</summary>
    public Scanner.ScannerLaunch? Launch { get; init; }

    /// <summary>When a scan with this id started, from the id itself; null when it is not a scan id Argus made.</summary>
    public static DateTimeOffset? StartedAt(string scanId) =>
        scanId.Length >= 18 && scanId.StartsWith("vm-", StringComparison.Ordinal)
        && DateTimeOffset.TryParseExact(scanId[3..18], "yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>A new scan id: sortable by time, unique enough to tag with.</summary>
    public static string NewScanId(DateTimeOffset at) => $"vm-{at.UtcDateTime:yyyyMMddTHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}
