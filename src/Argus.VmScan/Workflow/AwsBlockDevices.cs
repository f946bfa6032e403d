using Argus.Aws.Client;
using Argus.VmScan.Disks;
using Argus.VmScan.Ebs;

namespace Argus.VmScan.Workflow;

/// <summary>The real block devices: a snapshot through the EBS direct APIs, an attached volume's device node.</summary>
public sealed class AwsBlockDevices(AwsApiClient client) : IBlockDeviceSource
{
    public async Task<IBlockDevice> OpenSnapshotAsync(AwsCallContext scanner, string snapshotId, CancellationToken ct) =>
        await EbsSnapshotBlockDevice.OpenAsync(client, scanner, snapshotId, ct).ConfigureAwait(false);

    public IBlockDevice OpenDevice(string path) => new FileBlockDevice(path);
}
