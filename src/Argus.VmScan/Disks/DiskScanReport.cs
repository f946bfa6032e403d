using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Disks;

/// <summary>One report for a whole disk, for the outputs that take one (JSON, CycloneDX, SPDX, SARIF).</summary>
public static class DiskScanReport
{
    /// <summary>
    /// The packages, matches and notices of every file system read, in partition order; each partition that
    /// yielded nothing becomes a notice naming it and why, so no output can mistake it for a clean one.
    /// </summary>
    /// <param name="database">The database the scans matched against, or null for an inventory only.</param>
    public static ScanReport Merge(string target, IReadOnlyList<FileSystemScan> scans, DatabaseInfo? database, DateTimeOffset at)
    {
        var reports = scans.Where(s => s.Report is not null).Select(s => s.Report!).ToList();
        var notices = new List<InventoryNotice>();
        foreach (var scan in scans)
        {
            if (scan.Report is null)
            {
                notices.Add(new InventoryNotice($"({scan.Partition})", $"{scan.FileSystemType}: {scan.Error}"));
            }
        }

        var inventory = new SoftwareInventory(
            target,
            reports.Select(r => r.Inventory.Os).FirstOrDefault(os => os is not null),
            reports.SelectMany(r => r.Inventory.Packages).ToList(),
            [.. notices, .. reports.SelectMany(r => r.Inventory.Notices)]);
        return new ScanReport(inventory, reports.SelectMany(r => r.Matches).ToList(), database, at, VulnerabilityScanner.ToolVersion);
    }
}
