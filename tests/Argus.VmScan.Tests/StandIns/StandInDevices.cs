using Argus.Aws.Client;
using Argus.VmScan.Disks;
using Argus.VmScan.Workflow;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// Block devices as the stand-in holds them: a snapshot opened the way the EBS direct APIs would allow (visible to
/// the caller, completed, key usable), and an attached volume located by its id and mapped to its image file.
/// </summary>
internal sealed class StandInDevices(Ec2KmsStandIn cloud, string scannerInstance) : IBlockDeviceSource, IDeviceLocator
{
    public int Opened { get; private set; }

    public async Task<IBlockDevice> OpenSnapshotAsync(AwsCallContext scanner, string snapshotId, CancellationToken ct)
    {
        var credentials = await scanner.Credentials.GetCredentialsAsync();
        Opened++;
        return new ImageFileDevice(cloud.OpenForRead(credentials.AccessKey, scanner.Region, snapshotId));
    }

    public IBlockDevice OpenDevice(string path)
    {
        Opened++;
        return new ImageFileDevice(path);
    }

    public string? Locate(string volumeId, string requestedDevice)
    {
        var volume = cloud.Volumes.FirstOrDefault(v => v.Id == volumeId);
        return volume?.Attachment is { State: "attached" } a && a.Instance == scannerInstance && a.Device == requestedDevice ? volume.ImagePath : null;
    }
}
