using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Workflow;

/// <summary>One report per instance, from the file systems of all its volumes, so it is reported like one scanned image.</summary>
public static class InstanceReports
{
    /// <summary>
    /// The instance's merged report, or null when none of its volumes was read in this run. A file system that
    /// could not be read, or a volume that failed, becomes a notice, so the report says it is partial.
    /// </summary>
    public static ScanReport? Merge(PlannedInstance instance, IReadOnlyList<VolumeOutcome> outcomes, DateTimeOffset at)
    {
        var reports = outcomes.SelectMany(o => o.Scans ?? []).Where(s => s.Report is not null).Select(s => s.Report!).ToList();
        if (reports.Count == 0)
        {
            return null;
        }

        var notices = reports.SelectMany(r => r.Inventory.Notices).ToList();
        foreach (var outcome in outcomes)
        {
            if (outcome.Error is { } error)
            {
                notices.Add(new InventoryNotice(outcome.Volume.VolumeId, "not scanned: " + error));
            }

            foreach (var scan in outcome.Scans ?? [])
            {
                if (scan.Report is null)
                {
                    notices.Add(new InventoryNotice($"{outcome.Volume.VolumeId} {scan.Partition}", $"{scan.FileSystemType} not read: {scan.Error}"));
                }
            }
        }

        var inventory = new SoftwareInventory(
            instance.Name is { } name ? $"{instance.InstanceId} ({name})" : instance.InstanceId,
            reports.Select(r => r.Inventory.Os).FirstOrDefault(o => o is not null),
            reports.SelectMany(r => r.Inventory.Packages).ToList(),
            notices);
        return new ScanReport(inventory, reports.SelectMany(r => r.Matches).ToList(), reports.Select(r => r.Database).FirstOrDefault(d => d is not null), at, reports[0].ToolVersion);
    }
}
