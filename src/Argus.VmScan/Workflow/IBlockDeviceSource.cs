using Argus.Aws.Client;
using Argus.VmScan.Disks;

namespace Argus.VmScan.Workflow;

/// <summary>"Read this snapshot, or this attached volume": how the workflow gets a block device in each read mode.</summary>
public interface IBlockDeviceSource
{
    /// <summary>Direct mode: the snapshot read through the EBS direct APIs, in the scanner account and region.</summary>
    Task<IBlockDevice> OpenSnapshotAsync(AwsCallContext scanner, string snapshotId, CancellationToken ct);

    /// <summary>Attach mode: the device node (or image file) the attached volume appeared as.</summary>
    IBlockDevice OpenDevice(string path);
}
