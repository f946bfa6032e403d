namespace Argus.Network.Reachability;

/// <summary>The outcome of a query.</summary>
public enum Verdict
{
    /// <summary>Some of the requested traffic gets through (the answer's port set says which).</summary>
    Reachable,

    /// <summary>Nothing gets through; the answer names the hop and the reason.</summary>
    Blocked,

    /// <summary>The snapshot lacks data that decides it (a coverage gap, an unmodelled target); the answer says which.</summary>
    Unknown,
}
