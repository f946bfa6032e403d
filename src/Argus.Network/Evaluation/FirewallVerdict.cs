using Argus.Network.Traffic;

namespace Argus.Network.Evaluation;

/// <summary>
/// What a Network Firewall lets through (certain and possible), the rules and default actions that decided, what
/// could not be decided, and whether a drop came from a rule (<see cref="RuleDrop"/>) or only from a default action.
/// </summary>
public sealed record FirewallVerdict(TrafficBounds Allowed, IReadOnlyList<string> Rules, IReadOnlyList<string> Unknowns, bool RuleDrop);
