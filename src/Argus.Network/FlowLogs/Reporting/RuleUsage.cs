using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>One rule's usage over the window, the verdict, and why.</summary>
/// <param name="InterfaceIds">Interfaces the rule applies to (its group's, or those in its ACL's subnets).</param>
/// <param name="FirstSeen">Start of the first attributed record; null when none.</param>
/// <param name="Suggestion">For <see cref="RuleVerdict.OverBroad"/>, the tighter rules that would carry the same traffic.</param>
public sealed record RuleUsage(
    FirewallRule Rule,
    RuleVerdict Verdict,
    string Reason,
    long Hits,
    long Bytes,
    long Packets,
    int DistinctPeers,
    bool PeersCapped,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> InterfaceIds,
    IReadOnlyList<SuggestedRule> Suggestion)
{
    /// <summary>Of <see cref="Hits"/>, reply packets (network ACL entries only).</summary>
    public long ReplyHits { get; init; }

    /// <summary>On a snapshot timeline, the snapshots that have the rule when not all of them do; else empty (it existed throughout).</summary>
    public IReadOnlyList<string> ExistedIn { get; init; } = [];
}
