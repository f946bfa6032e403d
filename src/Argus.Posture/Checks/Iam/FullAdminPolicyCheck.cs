using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>
/// CIS: no IAM policy allowing "*:*" is attached. Reported per user, group and role that holds one (attached or
/// inline), so the finding names who has the power; AdministratorAccess is recognised even when its document is not listed.
/// </summary>
public sealed class FullAdminPolicyCheck : AuthorizationDetailsCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.full-admin-policy", "No IAM principal holds a \"*:*\" administrator policy", Severity.High, "iam", "aws.iam.principal",
        "A policy that allows every action on every resource makes its holder an administrator of the account.",
        "A leaked key or compromised workload with such a policy can do anything, including erasing its tracks.",
        new("aws iam detach-user-policy|detach-group-policy|detach-role-policy --policy-arn ARN ...; grant a least-privilege policy instead",
            "# Remove arn:aws:iam::aws:policy/AdministratorAccess (or a \"*\"/\"*\" statement) from ManagedPolicyArns/Policies; grant scoped actions.",
            "# Remove the aws_iam_*_policy_attachment of AdministratorAccess; use a policy listing the needed actions and resources."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
        [Argus.Aws.Operations.AwsOperations.GetAccountAuthorizationDetails]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, AuthorizationDetails details)
    {
        foreach (var principal in details.Principals.Where(p => p.AttachedPolicyArns.Count > 0 || p.InlinePolicies.Count > 0))
        {
            var admin = details.FullAdminPolicies(principal);
            yield return Verdict(admin.Count == 0, principal.Arn, account, Regions.Global,
                $"{principal.Kind} {principal.Name} holds no \"*:*\" policy.", $"{principal.Kind} {principal.Name} holds full administrator rights through {string.Join(", ", admin)}.",
                new { principal = principal.Arn, kind = principal.Kind, fullAdminPolicies = admin, attachedManagedPolicies = principal.AttachedPolicyArns });
        }
    }
}
