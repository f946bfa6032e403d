namespace Argus.Network.FlowLogs.Reporting;

/// <summary>Coverage of a subnet or VPC: how many of its interfaces the logs cover, over which window.</summary>
/// <param name="Kind"><c>subnet</c> or <c>vpc</c>.</param>
public sealed record AreaCoverage(string Kind, string Id, string Account, string Region, int Interfaces, int CoveredInterfaces, DateTimeOffset? From, DateTimeOffset? To)
{
    public bool FullyCovered => Interfaces > 0 && CoveredInterfaces == Interfaces;
}
