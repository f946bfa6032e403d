using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>
/// What the internet can reach on an internet-facing load balancer (its listeners, after its security groups and
/// subnets' network ACLs) and, behind it, which targets on which ports.
/// </summary>
public sealed record LoadBalancerExposure(
    string Arn, string Name, string Type, string Account, string Region, TrafficSet Exposed, IReadOnlyList<Hop> Path,
    IReadOnlyList<TargetExposure> Targets, IReadOnlyList<string> Unknowns, string? NotExposedBecause);
