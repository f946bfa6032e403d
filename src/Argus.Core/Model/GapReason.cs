namespace Argus.Core.Model;

/// <summary>Why a piece of data is missing from a snapshot.</summary>
public enum GapReason
{
    AccessDenied,
    Throttled,
    RegionDisabled,
    NotCollected,
    Error,
}
