using Argus.Aws.Operations;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks;

/// <summary>A check of one regional answer in every collected region of every account.</summary>
public abstract class RegionalCheck : Check
{
    protected abstract AwsOperation Source { get; }

    /// <summary>The resource id reported when the answer itself is missing in a region.</summary>
    protected virtual string ScopeResource(string account, string region) => RegionalId(Metadata.Service, account, region, "region");

    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        foreach (var account in context.Accounts)
        {
            foreach (var region in context.RegionsOf(account))
            {
                var lookup = context.Get(account, region, Source);
                if (lookup.Missing)
                {
                    yield return Missing(lookup, ScopeResource(account, region), account, region);
                    continue;
                }

                foreach (var outcome in Evaluate(context, account, region, lookup))
                {
                    yield return outcome;
                }
            }
        }
    }

    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup);
}
