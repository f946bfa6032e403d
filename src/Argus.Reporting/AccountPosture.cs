using Argus.Core.Model;

namespace Argus.Reporting;

/// <summary>One account's posture: failed findings by severity and, per framework, how many requirements pass there.</summary>
/// <param name="Results">Every result of the account in the snapshot (passes included), so an account with none reads as not scanned.</param>
public sealed record AccountPostureRow(string Account, string Name, IReadOnlyDictionary<Severity, int> Failed, IReadOnlyList<FrameworkPassRate> Frameworks, int Results)
{
    public int FailedTotal => Failed.Values.Sum();
}

/// <summary>
/// Requirements of one framework judged in one account, and how many pass: every result of their checks there is
/// PASS. A requirement with a failure, a manual step, missing data or only muted results does not count as passed.
/// </summary>
public sealed record FrameworkPassRate(string Framework, int Passed, int Requirements)
{
    public double Rate => Requirements == 0 ? 0 : (double)Passed / Requirements;
}

/// <summary>The per-account summary of a snapshot's results: its open findings and the passes recorded with them.</summary>
public static class AccountPosture
{
    /// <summary>
    /// One row per account that has results or is listed in <paramref name="accounts"/>, most failed critical
    /// and high findings first; frameworks are those any result references, by id.
    /// </summary>
    public static IReadOnlyList<AccountPostureRow> Of(IEnumerable<Finding> results, IReadOnlyList<AccountRow> accounts)
    {
        var names = accounts.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var byAccount = results.GroupBy(f => f.Result.Account, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => f.Result).ToList(), StringComparer.Ordinal);
        var frameworks = byAccount.Values.SelectMany(r => r).SelectMany(r => r.Frameworks).Select(f => f.Framework)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        return names.Keys.Union(byAccount.Keys, StringComparer.Ordinal)
            .Select(id =>
            {
                var results = byAccount.GetValueOrDefault(id) ?? [];
                var failed = results.Where(r => r.Status == FindingStatus.Fail).GroupBy(r => r.Severity).ToDictionary(g => g.Key, g => g.Count());
                return new AccountPostureRow(id, names.GetValueOrDefault(id) ?? "", failed, frameworks.Select(f => Rate(f, results)).ToList(), results.Count);
            })
            .OrderByDescending(r => r.Failed.GetValueOrDefault(Severity.Critical))
            .ThenByDescending(r => r.Failed.GetValueOrDefault(Severity.High))
            .ThenByDescending(r => r.FailedTotal)
            .ThenBy(r => r.Account, StringComparer.Ordinal)
            .ToList();
    }

    private static FrameworkPassRate Rate(string framework, List<CheckResult> results)
    {
        var requirements = results
            .SelectMany(r => r.Frameworks.Where(f => f.Framework == framework).Select(f => (f.Requirement, r.Status)))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .ToList();
        return new FrameworkPassRate(framework, requirements.Count(g => g.All(x => x.Status == FindingStatus.Pass)), requirements.Count);
    }
}
