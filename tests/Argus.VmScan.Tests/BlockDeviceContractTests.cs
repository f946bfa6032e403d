using Argus.VmScan.Disks;

namespace Argus.VmScan.Tests;

/// <summary>Placeholder removed once the disk readers land; keeps the project's test run non-empty.</summary>
public sealed class BlockDeviceContractTests
{
    [Fact]
    public void A_file_system_scan_without_a_report_carries_its_reason()
    {
        var scan = new FileSystemScan("p1", "xfs", null, "xfs is not read yet");
        Assert.Null(scan.Report);
        Assert.Equal("xfs is not read yet", scan.Error);
    }
}
