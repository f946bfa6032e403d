namespace Argus.Synthetic.FlowLogs;

/// <summary>What <see cref="SyntheticFlowLogs.Write"/> wrote, and which rule-usage findings its traffic implies.</summary>
/// <param name="PlantedUnusedRules">Rule keys (group/direction/protocol/ports/peer) given no traffic on purpose, on covered interfaces.</param>
/// <param name="PlantedOverBroadRules">Rule keys open to the internet on an administration or database port that only three peers use.</param>
/// <param name="SkipDataInterfaces">Interfaces given a SKIPDATA record, so rules on them cannot be called unused.</param>
public sealed record SyntheticFlowLogSummary(
    string Folder,
    int Files,
    long Records,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<string> PlantedUnusedRules,
    IReadOnlyList<string> PlantedOverBroadRules,
    IReadOnlyList<string> SkipDataInterfaces);
