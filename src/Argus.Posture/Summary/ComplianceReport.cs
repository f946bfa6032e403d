using Argus.Core.Model;
using Argus.Posture.Frameworks;

namespace Argus.Posture.Summary;

/// <summary>One framework's requirements with their verdicts over a scan's results.</summary>
public sealed record ComplianceReport(Framework Framework, IReadOnlyList<RequirementResult> Requirements)
{
    public StatusCounts RequirementCounts => StatusCounts.Of(Requirements.Select(r => r.Status));

    /// <summary>Results count for a requirement when they reference it (by framework and requirement id) or come from one of its checks.</summary>
    public static ComplianceReport Build(Framework framework, IEnumerable<CheckResult> results)
    {
        var byCheck = results.GroupBy(r => r.CheckId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var requirements = framework.Requirements
            .Select(req => RequirementResult.Of(req, req.Checks.SelectMany(c => byCheck.GetValueOrDefault(c) ?? []).ToList()))
            .ToList();
        return new ComplianceReport(framework, requirements);
    }
}
