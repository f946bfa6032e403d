namespace Argus.Core.Model;

/// <summary>How a snapshot's collection ended.</summary>
public enum SnapshotStatus
{
    /// <summary>Every scope that was asked for was attempted; gaps are listed separately.</summary>
    Complete,

    /// <summary>The user or a time limit stopped collection; what was collected is kept.</summary>
    Cancelled,
}
