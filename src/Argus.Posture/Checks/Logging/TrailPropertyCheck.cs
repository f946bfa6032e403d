using Argus.Aws.Operations;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>A per-trail verdict on a property of the trail itself (validation, encryption).</summary>
public abstract class TrailPropertyCheck : TrailCheck
{
    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<Trail> trails, IReadOnlyList<Lookup> missing)
    {
        if (MissingList(account, trails, missing) is { } gap)
        {
            yield return gap;
            yield break;
        }

        foreach (var trail in trails)
        {
            yield return Evaluate(context, account, trail);
        }
    }

    protected abstract CheckOutcome Evaluate(PostureContext context, string account, Trail trail);

    protected static IReadOnlyList<AwsOperation> TrailList => [AwsOperations.DescribeTrails];
}
