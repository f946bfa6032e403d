using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>A load balancer target the internet reaches through a listener, and the traffic that reaches it.</summary>
public sealed record TargetExposure(string TargetGroupArn, string TargetId, string? InterfaceId, int ListenerPort, TrafficSet Reached, ReachAnswer? Answer);
