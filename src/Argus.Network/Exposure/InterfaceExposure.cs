using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>
/// What the internet can reach on one public address of an interface (and its instance): the exact traffic, the
/// answer with its path, or why it is not exposed.
/// </summary>
public sealed record InterfaceExposure(string InterfaceId, string? InstanceId, string Account, string Region, string PublicAddress, ReachAnswer Answer)
{
    public TrafficSet Exposed => Answer.Reachable;

    public bool IsExposed => Answer.Verdict == Verdict.Reachable;
}
