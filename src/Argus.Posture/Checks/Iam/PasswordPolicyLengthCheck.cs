using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: the account password policy requires at least 14 characters.</summary>
public sealed class PasswordPolicyLengthCheck : AccountCheck
{
    public const int Minimum = 14;

    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.password-policy-length", "The IAM password policy requires 14 characters or more", Severity.Medium, "iam", "aws.account",
        "IAM users' console passwords follow the account password policy; without one, AWS's default allows 8 characters.",
        "Short passwords fall to guessing and credential stuffing.",
        new("aws iam update-account-password-policy --minimum-password-length 14", IamRemediations.PasswordPolicyCfn, IamRemediations.PasswordPolicyTf),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html"],
        [AwsOperations.GetAccountPasswordPolicy]);

    protected override AwsOperation Source => AwsOperations.GetAccountPasswordPolicy;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        if (!lookup.Found)
        {
            yield return Fail(AccountArn(account), account, Regions.Global, "The account has no password policy (AWS's default allows 8 characters).", new { PasswordPolicy = (string?)null });
            yield break;
        }

        var policy = lookup.Root.GetObject("PasswordPolicy");
        var length = policy is { } p && p.TryGetProperty("MinimumPasswordLength", out var v) && v.TryGetInt32(out var n) ? n : 0;
        yield return Verdict(length >= Minimum, AccountArn(account), account, Regions.Global,
            $"Passwords need {length} characters.", $"Passwords need only {length} characters (CIS: {Minimum}).", new { MinimumPasswordLength = length });
    }
}
