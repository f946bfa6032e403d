using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks;

/// <summary>A check of one account-wide (global) answer per account, e.g. the account summary.</summary>
public abstract class AccountCheck : Check
{
    /// <summary>The answer the check reads; must be one of <see cref="CheckMetadata.Reads"/>.</summary>
    protected abstract AwsOperation Source { get; }

    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        foreach (var account in context.Accounts)
        {
            var lookup = context.Get(account, Regions.Global, Source);
            if (lookup.Missing)
            {
                yield return Missing(lookup, AccountArn(account), account, Regions.Global);
                continue;
            }

            foreach (var outcome in Evaluate(context, account, lookup))
            {
                yield return outcome;
            }
        }
    }

    /// <summary>Verdicts for one account whose answer is found or (for absentable answers) absent.</summary>
    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup);
}
