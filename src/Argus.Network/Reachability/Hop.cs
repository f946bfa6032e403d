using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>
/// One step of a path: the resource, what it did (<c>route</c>, <c>allow</c>, <c>translate</c>, <c>forward</c>,
/// <c>exit</c>), the route or rules that decided, an address translation, and the traffic still allowed after it.
/// </summary>
public sealed record Hop(string ResourceId, string ResourceType, string Action, string Detail, string? Translation, TrafficSet? Allowed);
