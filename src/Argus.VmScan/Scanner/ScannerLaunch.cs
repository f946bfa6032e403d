namespace Argus.VmScan.Scanner;

/// <summary>
/// The scanner instance Argus launches for one scan (attach mode, <c>--scanner launch</c>), in a VPC it creates:
/// the image must have argus installed (the user data runs <c>argus vm-scan worker</c>).
/// </summary>
/// <param name="ImageId">The AMI with argus (and, for matching, an OSV database at <paramref name="OsvPath"/>).</param>
/// <param name="InstanceProfile">The instance profile name; its role (&lt;role&gt;-scanner) may only use the results objects.</param>
/// <param name="Results">Where jobs and results are exchanged.</param>
/// <param name="Zone">The availability zone of the subnet, the instance and the volumes; null for the region's "a" zone.</param>
/// <param name="OsvPath">The OSV database on the image, passed to the worker; null to list packages without matching.</param>
public sealed record ScannerLaunch(
    string ImageId,
    string InstanceProfile,
    ResultsLocation Results,
    string InstanceType = "m6i.large",
    bool Spot = false,
    string Cidr = "10.213.0.0/24",
    string? Zone = null,
    string? OsvPath = null);
