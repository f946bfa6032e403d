namespace Argus.VmScan.Workflow;

/// <summary>How the scanner reads a snapshot.</summary>
public enum ReadMode
{
    /// <summary>The EBS direct APIs (ebs:ListSnapshotBlocks, ebs:GetSnapshotBlock): no volume, no scanner instance.</summary>
    Direct,

    /// <summary>A volume created from the snapshot and attached to a scanner instance, read as a block device.</summary>
    Attach,
}
