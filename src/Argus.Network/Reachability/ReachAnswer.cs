using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>
/// The answer to "can <see cref="From"/> reach <see cref="To"/>": the verdict, the exact traffic that gets through
/// (<see cref="Reachable"/>; <see cref="PossiblyReachable"/> adds what missing data could allow), the forward and
/// return paths hop by hop, where it stops, and where it leaves the modelled network (<see cref="Exit"/>).
/// </summary>
public sealed record ReachAnswer(
    Verdict Verdict,
    string From,
    string To,
    TrafficSet Requested,
    TrafficSet Reachable,
    TrafficSet PossiblyReachable,
    IReadOnlyList<Hop> Path,
    IReadOnlyList<Hop> ReturnPath,
    Blocker? Blocked,
    string? Exit,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Unknowns);
