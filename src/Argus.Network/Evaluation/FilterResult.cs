using Argus.Network.Traffic;

namespace Argus.Network.Evaluation;

/// <summary>What a security group or network ACL lets through, the rules that allowed it, and what could not be known.</summary>
public sealed record FilterResult(TrafficBounds Allowed, IReadOnlyList<string> Rules, IReadOnlyList<string> Unknowns)
{
    public static FilterResult Unknown(string why) => new(new TrafficBounds(TrafficSet.None, TrafficSet.All), [], [why]);
}
