namespace Argus.VmScan.Scanner;

/// <summary>One attached volume the worker on the scanner is to read: <c>&lt;prefix&gt;/&lt;scan-id&gt;/jobs/&lt;volume-id&gt;.json</c>.</summary>
/// <param name="VolumeId">The scan volume attached to the scanner (not the customer's), which the worker finds its device by.</param>
/// <param name="Device">The device name it was attached as (/dev/sdf), for Xen instances.</param>
/// <param name="Target">How reports name it: "i-0abc vol-0def (/dev/xvda)".</param>
public sealed record ScanJob(string ScanId, string VolumeId, string Device, string Target);
