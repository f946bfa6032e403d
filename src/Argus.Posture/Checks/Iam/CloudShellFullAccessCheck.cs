using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: access to AWSCloudShellFullAccess is restricted (no principal has it attached).</summary>
public sealed class CloudShellFullAccessCheck : AuthorizationDetailsCheck
{
    public const string CloudShellFullAccess = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.cloudshell-full-access", "AWSCloudShellFullAccess is not attached", Severity.Medium, "iam", "aws.iam.principal",
        "AWSCloudShellFullAccess allows uploading and downloading files to a shell with internet access and sudo.",
        "A channel to move data out of the account that bypasses other controls.",
        new("aws iam detach-user-policy|detach-group-policy|detach-role-policy --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess ...",
            "# Remove arn:aws:iam::aws:policy/AWSCloudShellFullAccess from ManagedPolicyArns.",
            "# Remove the aws_iam_*_policy_attachment of AWSCloudShellFullAccess."),
        ["https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html"],
        [Argus.Aws.Operations.AwsOperations.GetAccountAuthorizationDetails]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, AuthorizationDetails details)
    {
        var holders = details.Principals.Where(p => p.AttachedPolicyArns.Contains(CloudShellFullAccess)).Select(p => p.Arn).ToList();
        yield return Verdict(holders.Count == 0, AccountArn(account), account, Regions.Global,
            "No principal has AWSCloudShellFullAccess.", $"AWSCloudShellFullAccess is attached to {string.Join(", ", holders)}.", new { attachedTo = holders });
    }
}
