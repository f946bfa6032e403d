using Argus.Core.Model;
using Argus.Posture.Frameworks;

namespace Argus.Posture.Summary;

/// <summary>
/// A requirement's verdict from its checks' results: FAIL if any result fails; else NOT_AUTHORIZED or ERROR if any
/// result lacks data; else MANUAL if any needs a person; else MUTED if a failure was muted; else PASS (also when the
/// checks found nothing to check). A requirement no check evaluates is MANUAL, with its reason.
/// </summary>
public sealed record RequirementResult(Requirement Requirement, FindingStatus Status, StatusCounts Counts, bool Evaluated)
{
    public static RequirementResult Of(Requirement requirement, IReadOnlyList<CheckResult> results)
    {
        var counts = StatusCounts.Of(results.Select(r => r.Status));
        if (requirement.Checks.Count == 0)
        {
            return new(requirement, FindingStatus.Manual, counts, false);
        }

        var status = counts switch
        {
            { Fail: > 0 } => FindingStatus.Fail,
            { NotAuthorized: > 0 } => FindingStatus.NotAuthorized,
            { Error: > 0 } => FindingStatus.Error,
            { Manual: > 0 } => FindingStatus.Manual,
            { Muted: > 0 } => FindingStatus.Muted,
            _ => FindingStatus.Pass,
        };
        return new(requirement, status, counts, true);
    }
}
