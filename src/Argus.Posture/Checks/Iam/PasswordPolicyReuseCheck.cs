using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: the account password policy prevents reuse of the last 24 passwords.</summary>
public sealed class PasswordPolicyReuseCheck : AccountCheck
{
    public const int Remembered = 24;

    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.password-policy-reuse", "The IAM password policy prevents password reuse", Severity.Medium, "iam", "aws.account",
        "The password policy can make IAM remember a user's previous passwords (up to 24) and refuse them.",
        "Reused passwords extend the life of a leaked credential.",
        new("aws iam update-account-password-policy --password-reuse-prevention 24", IamRemediations.PasswordPolicyCfn, IamRemediations.PasswordPolicyTf),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"],
        [AwsOperations.GetAccountPasswordPolicy]);

    protected override AwsOperation Source => AwsOperations.GetAccountPasswordPolicy;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        if (!lookup.Found)
        {
            yield return Fail(AccountArn(account), account, Regions.Global, "The account has no password policy, so passwords can be reused.", new { PasswordPolicy = (string?)null });
            yield break;
        }

        var policy = lookup.Root.GetObject("PasswordPolicy");
        var reuse = policy is { } p && p.TryGetProperty("PasswordReusePrevention", out var v) && v.TryGetInt32(out var n) ? n : 0;
        yield return Verdict(reuse >= Remembered, AccountArn(account), account, Regions.Global,
            $"The last {reuse} passwords cannot be reused.", reuse == 0 ? "Password reuse is not prevented." : $"Only the last {reuse} passwords are remembered (CIS: {Remembered}).",
            new { PasswordReusePrevention = reuse });
    }
}
