namespace Argus.Posture.Checks.Monitoring;

/// <summary>
/// One CIS monitoring recommendation: the CloudTrail events a metric filter must match. A filter matches when its
/// pattern, with spaces and quotes removed, contains every term (so equivalent spellings and extra terms pass).
/// </summary>
/// <param name="Slug">The check id's last part, e.g. <c>root-usage</c>.</param>
/// <param name="Subject">What is monitored, for titles: "usage of the root user".</param>
/// <param name="Pattern">The filter pattern CIS prescribes, shown in remediation.</param>
public sealed record MonitoredPattern(string Slug, string Subject, string Pattern, IReadOnlyList<string> Terms)
{
    public static IReadOnlyList<string> Events(params string[] names) => names.Select(n => $"$.eventName={n}").ToList();

    /// <summary>The filter pattern reduced the way <see cref="Terms"/> are written: no whitespace, no double quotes.</summary>
    public static string Normalize(string pattern) =>
        string.Concat(pattern.Where(c => !char.IsWhiteSpace(c) && c != '"'));

    public bool Matches(string filterPattern)
    {
        var normal = Normalize(filterPattern);
        return Terms.All(t => normal.Contains(t, StringComparison.Ordinal));
    }
}
