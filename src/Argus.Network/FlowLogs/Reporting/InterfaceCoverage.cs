namespace Argus.Network.FlowLogs.Reporting;

/// <summary>
/// Whether the logs read cover an interface well enough to call its rules unused, over which window, and if
/// not, why: no records, SKIPDATA, a REJECT-only flow log, holes inside the window, or too short a window.
/// </summary>
public sealed record InterfaceCoverage(
    string InterfaceId,
    string Account,
    string Region,
    string? VpcId,
    string? SubnetId,
    bool Covered,
    string? Reason,
    long Records,
    long NoData,
    long SkipData,
    DateTimeOffset? From,
    DateTimeOffset? To,
    long Accepted,
    long Rejected,
    long Replies,
    long UnexplainedBySecurityGroups,
    long UnexplainedByNetworkAcl,
    IReadOnlyList<string> FlowLogIds)
{
    /// <summary>Stretches inside the window without any record of the interface; any hole makes it not covered.</summary>
    public IReadOnlyList<CoverageHole> Holes { get; init; } = [];
}
