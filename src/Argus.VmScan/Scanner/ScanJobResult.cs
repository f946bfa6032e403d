using Argus.VmScan.Disks;

namespace Argus.VmScan.Scanner;

/// <summary>What the worker read from one job's volume, or why it could not: <c>.../results/&lt;volume-id&gt;.json</c>.</summary>
/// <param name="Scans">Each file system's inventory and matches, as attach mode produces locally; null on error.</param>
/// <param name="Error">What failed (no device appeared, the device could not be opened, ...), else null.</param>
/// <param name="Worker">Which instance answered.</param>
public sealed record ScanJobResult(string VolumeId, IReadOnlyList<FileSystemScan>? Scans, string? Error, string Worker);
