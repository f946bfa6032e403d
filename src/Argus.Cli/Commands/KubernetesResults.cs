using System.CommandLine;
using System.Text.Json;
using Argus.Cli.Terminal;
using Argus.Core.Model;

namespace Argus.Cli.Commands;

/// <summary>How Kubernetes scan commands print check results and decide their exit code from <c>--fail-on</c>.</summary>
public static class KubernetesResults
{
    public static Option<string?> FailOn() => new("--fail-on")
    {
        Description = $"Exit with code {ExitCodes.FindingsAtOrAbove} when a check fails at this severity or above: critical, high, medium, low, informational.",
        HelpName = "SEVERITY",
    };

    public static Option<bool> ShowPassed() => new("--all") { Description = "Also list passing results (the table lists failures, errors and not-authorized results by default)." };

    public static Severity? ParseSeverity(string? value) =>
        value is null ? null
        : Enum.TryParse<Severity>(value, ignoreCase: true, out var s) && !int.TryParse(value, out _) ? s
        : throw new CliException($"--fail-on: unknown severity '{value}' (critical, high, medium, low, informational)");

    public static void Table(CliContext context, IReadOnlyList<CheckResult> results, bool all) =>
        Table(context, results.Select(r => (r, (string?)null)).ToList(), all);

    /// <summary>The table with a <c>file</c> column when results carry where their object was written (manifests).</summary>
    public static void Table(CliContext context, IReadOnlyList<(CheckResult Result, string? Origin)> results, bool all)
    {
        var withOrigin = results.Any(r => r.Origin is not null);
        var shown = results.Where(r => all || r.Result.Status != FindingStatus.Pass)
            .OrderByDescending(r => r.Result.Severity).ThenBy(r => r.Result.CheckId, StringComparer.Ordinal).ThenBy(r => r.Result.ResourceId, StringComparer.Ordinal);
        IReadOnlyList<string> headers = withOrigin ? ["severity", "status", "check", "file", "message"] : ["severity", "status", "check", "resource", "message"];
        TableWriter.Write(context, headers, shown.Select(r => (IReadOnlyList<string>)
            [r.Result.Severity.ToString().ToLowerInvariant(), Status(r.Result.Status), r.Result.CheckId, withOrigin ? r.Origin ?? r.Result.ResourceId : r.Result.ResourceId, r.Result.Message]));
        var counts = results.GroupBy(r => r.Result.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Status(g.Key)}");
        context.Out.WriteLine($"{results.Select(r => r.Result.CheckId).Distinct().Count()} checks, {results.Select(r => r.Origin ?? r.Result.ResourceId).Distinct().Count()} objects: {string.Join(", ", counts)}");
    }

    public static void Json(CliContext context, IReadOnlyList<CheckResult> results)
    {
        var rows = results.Select(r => new
        {
            check = r.CheckId,
            resource = r.ResourceId,
            cluster = r.Account,
            @namespace = r.Region,
            status = Status(r.Status),
            severity = r.Severity.ToString().ToLowerInvariant(),
            message = r.Message,
            evidence = JsonDocument.Parse(r.Evidence).RootElement,
            frameworks = r.Frameworks.Select(f => new { framework = f.Framework, requirement = f.Requirement }),
        });
        context.Out.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
    }

    private static string Status(FindingStatus status) => status switch
    {
        FindingStatus.NotAuthorized => "not-authorized",
        _ => status.ToString().ToLowerInvariant(),
    };
}
