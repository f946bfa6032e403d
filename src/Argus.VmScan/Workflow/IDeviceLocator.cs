namespace Argus.VmScan.Workflow;

/// <summary>Where an attached volume appears on the scanner instance.</summary>
public interface IDeviceLocator
{
    /// <summary>The device path of <paramref name="volumeId"/>, attached as <paramref name="requestedDevice"/>; null while it has not appeared.</summary>
    string? Locate(string volumeId, string requestedDevice);
}
