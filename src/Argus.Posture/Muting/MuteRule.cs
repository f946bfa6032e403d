using System.Text.RegularExpressions;
using Argus.Core.Model;
using Argus.Posture.Checks;

namespace Argus.Posture.Muting;

/// <summary>
/// One mute: results matching every given criterion are kept with status MUTED and <see cref="Reason"/>. Empty
/// criteria match everything; lists match any of their patterns (<c>*</c> and <c>?</c> wildcards); all tags must match.
/// </summary>
/// <param name="Expires">The rule stops applying to scans at or after this time.</param>
/// <param name="Line">Where the rule starts in its file, for messages.</param>
public sealed record MuteRule(
    string Reason,
    IReadOnlyList<string> Checks,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Resources,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset? Expires,
    int Line)
{
    public bool AppliesAt(DateTimeOffset scanTime) => Expires is null || scanTime < Expires;

    public bool Matches(CheckOutcome outcome, string checkId)
    {
        if (!Any(Checks, checkId) || !Any(Accounts, outcome.Account) || !Any(Regions, outcome.Region) || !Any(Resources, outcome.ResourceId))
        {
            return false;
        }

        foreach (var (key, value) in Tags)
        {
            if (outcome.Tags is null || !outcome.Tags.TryGetValue(key, out var actual) || !Glob(value).IsMatch(actual))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(IReadOnlyList<string> patterns, string value) => patterns.Count == 0 || patterns.Any(p => Glob(p).IsMatch(value));

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
