using Argus.Core.Model;
using Argus.Posture.Frameworks;

namespace Argus.Posture.Summary;

/// <summary>
/// A scan summarised per framework, section and account, plus failures per severity: what <c>argus scan posture</c>
/// prints and the HTML report's posture section draws.
/// </summary>
public sealed record PostureSummary(
    IReadOnlyList<SummaryRow> Rows,
    IReadOnlyDictionary<Severity, int> FailuresBySeverity,
    StatusCounts Totals,
    IReadOnlyList<ComplianceReport> Compliance)
{
    public static PostureSummary Build(IReadOnlyCollection<CheckResult> results, FrameworkCatalog frameworks)
    {
        var rows = new List<SummaryRow>();
        var compliance = new List<ComplianceReport>();
        foreach (var framework in frameworks.All)
        {
            compliance.Add(ComplianceReport.Build(framework, results));
            var sectionOf = framework.Requirements.SelectMany(r => r.Checks.Select(c => (Check: c, r.Section)))
                .GroupBy(x => x.Check, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Section).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            var counts = new Dictionary<(string Section, string Account), StatusCounts>();
            foreach (var result in results)
            {
                foreach (var section in sectionOf.GetValueOrDefault(result.CheckId) ?? [])
                {
                    counts[(section, result.Account)] = counts.GetValueOrDefault((section, result.Account), StatusCounts.Empty).Add(result.Status);
                }
            }

            rows.AddRange(counts.OrderBy(c => framework.Sections.ToList().IndexOf(c.Key.Section)).ThenBy(c => c.Key.Account, StringComparer.Ordinal)
                .Select(c => new SummaryRow(framework.Id, c.Key.Section, c.Key.Account, c.Value)));
        }

        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, s => results.Count(r => r.Status == FindingStatus.Fail && r.Severity == s));
        return new PostureSummary(rows, bySeverity, StatusCounts.Of(results.Select(r => r.Status)), compliance);
    }
}
