namespace Argus.VmScan.Workflow;

/// <summary>Argus was about to change a resource that does not carry both Argus tags (or carries another scan's id); nothing was sent.</summary>
public sealed class NotArgusResourceException(string resourceId, string reason)
    : Exception($"refusing to touch {resourceId}: {reason}; Argus only changes resources tagged {VmScanTags.OwnerKey}={VmScanTags.OwnerValue} and {VmScanTags.ScanIdKey}")
{
    public string ResourceId { get; } = resourceId;
}
