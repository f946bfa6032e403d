namespace Argus.Network.FlowLogs.Parsing;

/// <summary>A record's <c>log-status</c>.</summary>
public enum FlowLogStatus : byte
{
    /// <summary>Data is logging normally.</summary>
    Ok,

    /// <summary>No traffic on the interface during the interval.</summary>
    NoData,

    /// <summary>Records were skipped during the interval (capacity or an internal error): coverage has a hole.</summary>
    SkipData,
}
