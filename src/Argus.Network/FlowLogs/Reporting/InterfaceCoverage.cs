namespace Argus.Network.FlowLogs.Reporting;

/// <summary>
/// Whether the logs read cover an interface well enough to call its rules unused, over which window, and if
/// not, why: no records, SKIPDATA, a REJECT-only flow log, or too short a window.
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
    IReadOnlyList<string> FlowLogIds);
