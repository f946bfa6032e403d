using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Model;
using Argus.Reporting;

namespace Argus.Cli.Commands;

/// <summary>The short console account of a snapshot's analyses, shared by 'argus demo' and 'argus scan aws'.</summary>
public static class AnalysisOutput
{
    public static void Write(CliContext context, ReportAnalysis analysis, AnalysisOutcome outcome)
    {
        context.Out.WriteLine();
        foreach (var framework in analysis.Compliance.GroupBy(c => c.Framework))
        {
            context.Out.WriteLine($"{framework.Key}: {framework.Sum(r => r.Pass)} requirements pass, {framework.Sum(r => r.Fail)} fail, {framework.Sum(r => r.Manual)} manual, {framework.Sum(r => r.NoData)} without data.");
        }

        var failed = outcome.Posture.Results.Where(r => r.Status == FindingStatus.Fail).GroupBy(r => r.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        context.Out.WriteLine($"Posture: {outcome.Posture.ChecksRun.Count} checks, failed results: {string.Join(", ", failed)}.");
        context.Out.WriteLine();
        if (analysis.Exposure.Count == 0)
        {
            context.Out.WriteLine("Internet exposure: nothing is reachable from the internet.");
        }
        else
        {
            TableWriter.Write(
                context,
                ["severity", "resource", "account", "region", "address", "reachable from the internet"],
                analysis.Exposure.Select(e => (IReadOnlyList<string>)[e.Severity, e.Resource, e.Account, e.Region, e.Address, e.Reachable]),
                "Internet exposure");
        }

        if (analysis.RuleUsage is { } usage)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"Rule usage over {usage.Records:N0} flow log records: {usage.Unused} unused rules, {usage.UnusedGroups} unused groups, {usage.OverBroad} over-broad rules, {usage.NotCovered} rules without flow log coverage.");
        }
    }
}
