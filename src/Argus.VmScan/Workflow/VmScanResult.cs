namespace Argus.VmScan.Workflow;

/// <summary>A whole scan: every volume's outcome, how it ended, what was left behind (nothing, normally) and the calls it made.</summary>
/// <param name="Ending">done, cancelled, time-limit.</param>
/// <param name="Leftovers">What cleanup could not remove (names and reasons); empty when everything Argus created is gone.</param>
public sealed record VmScanResult(ScanPlan Plan, IReadOnlyList<VolumeOutcome> Volumes, string Ending, IReadOnlyList<string> Leftovers, IReadOnlyDictionary<string, int> Calls);
