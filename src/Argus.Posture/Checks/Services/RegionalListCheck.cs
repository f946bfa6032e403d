using System.Text.Json;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>A check of each item of one regional list answer.</summary>
public abstract class RegionalListCheck : RegionalCheck
{
    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup) =>
        ItemsOf(lookup).Select(item => Evaluate(context, account, region, item)).OfType<CheckOutcome>();

    /// <summary>The items to judge: the answer's list (<see cref="Argus.Aws.Operations.AwsOperation.ItemKey"/>) unless the answer is not a plain list.</summary>
    protected virtual IEnumerable<JsonElement> ItemsOf(Lookup lookup) => PostureContext.Items(lookup);

    /// <summary>The verdict on one item, or null when the check does not apply to it.</summary>
    protected abstract CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement item);
}
