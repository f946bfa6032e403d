namespace Argus.Network.FlowLogs.Reporting;

/// <summary>The check ids rule-usage findings are stored under.</summary>
public static class RuleUsageChecks
{
    public const string UnusedRule = "network.rule-usage.unused-rule";
    public const string UnusedGroup = "network.rule-usage.unused-group";
    public const string OverBroadRule = "network.rule-usage.over-broad-rule";

    public static IReadOnlyList<string> All { get; } = [UnusedRule, UnusedGroup, OverBroadRule];
}
