using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>A check over each account's CloudTrail trails.</summary>
public abstract class TrailCheck : Check
{
    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        foreach (var account in context.Accounts)
        {
            var (trails, missing) = Trail.Of(context, account);
            foreach (var outcome in Evaluate(context, account, trails, missing))
            {
                yield return outcome;
            }
        }
    }

    /// <summary>Verdicts for one account. When no trail was found and some region's list is missing, report that instead of failing.</summary>
    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<Trail> trails, IReadOnlyList<Lookup> missing);

    protected static CheckOutcome? MissingList(string account, IReadOnlyList<Trail> trails, IReadOnlyList<Lookup> missing) =>
        trails.Count == 0 && missing.Count > 0 ? Missing(missing[0], AccountArn(account), account, Regions.Global) : null;
}
