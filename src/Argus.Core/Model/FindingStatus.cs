namespace Argus.Core.Model;

/// <summary>The verdict of one check on one resource.</summary>
public enum FindingStatus
{
    Pass,
    Fail,
    Manual,
    Error,
    NotAuthorized,
    Muted,
}
