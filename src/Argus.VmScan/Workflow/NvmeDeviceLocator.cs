namespace Argus.VmScan.Workflow;

/// <summary>
/// Finds an attached EBS volume as Linux names it: on Nitro instances by its id under /dev/disk/by-id
/// (nvme-Amazon_Elastic_Block_Store_vol0123...), since NVMe device numbers follow attach order, not the name asked
/// for; on Xen instances as the requested name or its xvd form (/dev/sdf -> /dev/xvdf).
/// </summary>
public sealed class NvmeDeviceLocator(string root = "/") : IDeviceLocator
{
    public string? Locate(string volumeId, string requestedDevice)
    {
        var byId = Path.Combine(root, "dev", "disk", "by-id", "nvme-Amazon_Elastic_Block_Store_" + volumeId.Replace("-", "", StringComparison.Ordinal));
        if (File.Exists(byId))
        {
            return byId;
        }

        var name = Path.GetFileName(requestedDevice);
        foreach (var candidate in new[] { name, name.StartsWith("sd", StringComparison.Ordinal) ? "xvd" + name[2..] : name })
        {
            var path = Path.Combine(root, "dev", candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
