namespace Argus.Aws.Collection;

/// <summary>
/// Which waiting call a region's <see cref="RequestGate"/> lets through first. A list whose answer leads to more calls
/// goes before calls that lead nowhere, so every walk is under way early and the last calls made in a region are ones
/// nothing waits on.
/// </summary>
public enum CallPriority
{
    /// <summary>A call whose answer names the resources of further calls.</summary>
    Leading = 0,

    /// <summary>A call whose answer is only stored.</summary>
    Leaf = 1,
}
