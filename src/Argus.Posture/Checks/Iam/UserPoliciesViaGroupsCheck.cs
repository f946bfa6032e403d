using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: IAM users receive permissions only through groups (no attached or inline user policies).</summary>
public sealed class UserPoliciesViaGroupsCheck : AuthorizationDetailsCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.user-policies-via-groups", "IAM users get permissions only through groups", Severity.Low, "iam", "aws.iam.user",
        "Policies attached to or embedded in a user, rather than to a group, are permissions nobody reviews with the role.",
        "Per-user grants drift, outlive the job they were for and make access reviews incomplete.",
        new("aws iam detach-user-policy --user-name USER --policy-arn ARN; aws iam delete-user-policy --user-name USER --policy-name NAME; aws iam add-user-to-group --user-name USER --group-name GROUP",
            "# Move ManagedPolicyArns and Policies from AWS::IAM::User to an AWS::IAM::Group and list the group in the user's Groups.",
            "# Replace aws_iam_user_policy_attachment / aws_iam_user_policy with aws_iam_group_policy_attachment and aws_iam_user_group_membership."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions"],
        [Argus.Aws.Operations.AwsOperations.GetAccountAuthorizationDetails]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, AuthorizationDetails details)
    {
        foreach (var user in details.Principals.Where(p => p.Kind == "user"))
        {
            var direct = user.AttachedPolicyArns.Concat(user.InlinePolicies.Select(p => $"inline:{p.Name}")).ToList();
            yield return Verdict(direct.Count == 0, user.Arn, account, Regions.Global,
                $"{user.Name} has no policies of its own.", $"{user.Name} has policies attached directly: {string.Join(", ", direct)}.",
                new { user = user.Name, attachedManagedPolicies = user.AttachedPolicyArns, inlinePolicies = user.InlinePolicies.Select(p => p.Name) });
        }
    }
}
