using Argus.Aws.Operations;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>A check over each account's <c>get-account-authorization-details</c> answer.</summary>
public abstract class AuthorizationDetailsCheck : AccountCheck
{
    protected override AwsOperation Source => AwsOperations.GetAccountAuthorizationDetails;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup) =>
        Evaluate(context, account, new AuthorizationDetails(lookup.Root));

    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, AuthorizationDetails details);
}
