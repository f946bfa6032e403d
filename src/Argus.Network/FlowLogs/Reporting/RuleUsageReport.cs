using Argus.Core.Model;
using Argus.Network.FlowLogs.Parsing;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>Everything one rule-usage analysis found: what was read, coverage first, then rules, groups and findings.</summary>
public sealed record RuleUsageReport
{
    /// <summary>Earliest record start and latest record end analysed; null when no record was.</summary>
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public required IReadOnlyList<FlowLogSourceResult> Sources { get; init; }

    public long Records { get; init; }

    public long OutsideWindow { get; init; }

    public long WithoutInterface { get; init; }

    public long ForUnknownInterfaces { get; init; }

    /// <summary>Interfaces in the logs but not in the snapshot, with record counts.</summary>
    public required IReadOnlyDictionary<string, long> UnknownInterfaces { get; init; }

    public required IReadOnlyList<InterfaceCoverage> Interfaces { get; init; }

    public required IReadOnlyList<AreaCoverage> Subnets { get; init; }

    public required IReadOnlyList<AreaCoverage> Vpcs { get; init; }

    public required IReadOnlyList<RuleUsage> Rules { get; init; }

    public required IReadOnlyList<GroupUsage> Groups { get; init; }

    /// <summary>Results of the three checks, Pass included, ready for IArgusStore.RecordFindings.</summary>
    public required IReadOnlyList<CheckResult> Findings { get; init; }

    /// <summary>The accounts and regions the checks ran in (for resolving findings no longer reported).</summary>
    public required IReadOnlyList<Scope> Scopes { get; init; }

    /// <summary>Hours a flow log delivered no S3 file between its first and last one (from the files' names).</summary>
    public IReadOnlyList<DeliveryGap> DeliveryGaps { get; init; } = [];

    /// <summary>On a snapshot timeline, each snapshot and the records judged against it; empty for a single snapshot.</summary>
    public IReadOnlyList<SnapshotUse> Snapshots { get; init; } = [];

    /// <summary>Records that started before the first snapshot of the timeline (judged against the first).</summary>
    public long BeforeFirstSnapshot { get; init; }

    public long MalformedLines => Sources.Sum(s => s.MalformedLines);

    public IEnumerable<string> Problems => Sources.SelectMany(s => s.Problems.Select(p => $"{s.Source}: {p}"));
}
