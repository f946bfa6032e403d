namespace Argus.Reporting;

/// <summary>
/// What the engines concluded about the snapshot, in the shape the report shows it. The command that ran the
/// engines fills it in, so the report depends on no engine.
/// </summary>
public sealed record ReportAnalysis(
    IReadOnlyList<ComplianceRow> Compliance,
    IReadOnlyList<ExposureRow> Exposure,
    RuleUsageSummary? RuleUsage);

/// <summary>One framework section: requirements by their combined status.</summary>
public sealed record ComplianceRow(string Framework, string Section, int Pass, int Fail, int Manual, int NoData, int Muted)
{
    public int Total => Pass + Fail + Manual + NoData + Muted;
}

/// <summary>One resource the internet can reach: what, on which ports, by which path.</summary>
public sealed record ExposureRow(string Resource, string Account, string Region, string Address, string Reachable, string Path, string Severity);

/// <summary>Rule usage from flow logs: counts, where they came from, and the rules worth a look.</summary>
public sealed record RuleUsageSummary(string Source, long Records, int Unused, int UnusedGroups, int OverBroad, int NotCovered, IReadOnlyList<RuleUsageRow> Rows);

public sealed record RuleUsageRow(string Verdict, string Rule, string Account, string Detail);
