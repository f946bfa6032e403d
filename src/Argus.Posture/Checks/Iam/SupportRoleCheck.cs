using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: a role with the AWSSupportAccess policy exists to manage incidents with AWS Support.</summary>
public sealed class SupportRoleCheck : AuthorizationDetailsCheck
{
    public const string SupportAccess = "arn:aws:iam::aws:policy/AWSSupportAccess";

    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.support-role", "A support role exists for AWS Support incidents", Severity.Low, "iam", "aws.account",
        "Opening and following AWS Support cases needs support:* permissions; CIS asks for a dedicated role holding AWSSupportAccess.",
        "Without it, incident responders use broader roles (or root) to talk to AWS Support.",
        new("aws iam create-role --role-name aws-support --assume-role-policy-document file://trust.json && aws iam attach-role-policy --role-name aws-support --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess",
            """
            SupportRole:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root" }, Action: sts:AssumeRole }] }
                ManagedPolicyArns: [arn:aws:iam::aws:policy/AWSSupportAccess]
            """,
            """
            resource "aws_iam_role_policy_attachment" "support" {
              role       = aws_iam_role.support.name
              policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
            }
            """),
        ["https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html"],
        [Argus.Aws.Operations.AwsOperations.GetAccountAuthorizationDetails]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, AuthorizationDetails details)
    {
        var roles = details.Principals.Where(p => p.Kind == "role" && p.AttachedPolicyArns.Contains(SupportAccess)).Select(p => p.Arn).ToList();
        yield return Verdict(roles.Count > 0, AccountArn(account), account, Regions.Global,
            $"Support role: {string.Join(", ", roles)}.", "No role has AWSSupportAccess attached.", new { rolesWithAWSSupportAccess = roles });
    }
}
