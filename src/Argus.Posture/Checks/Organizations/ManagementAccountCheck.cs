using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Organizations;

/// <summary>A check that only applies to an organization's management account (where describe-organization says so).</summary>
public abstract class ManagementAccountCheck : Check
{
    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        foreach (var account in context.Accounts)
        {
            var organization = context.Get(account, Regions.Global, AwsOperations.DescribeOrganization);
            if (!organization.Found || organization.Root.GetObject("Organization")?.GetString("MasterAccountId") != account)
            {
                continue;
            }

            var organizationId = organization.Root.GetObject("Organization")!.Value.GetString("Id") ?? account;
            foreach (var outcome in Evaluate(context, account, $"arn:aws:organizations::{account}:organization/{organizationId}"))
            {
                yield return outcome;
            }
        }
    }

    /// <param name="arn">The organization the findings are about (their resource).</param>
    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string arn);
}
