using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: MFA is enabled for the root user, or the root user has no password (centralized root access).</summary>
public sealed class RootMfaCheck : AccountCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.root-mfa", "The root user has MFA", Severity.Critical, "iam", "aws.account",
        "The root user can sign in to the console with a password; MFA makes a stolen password useless on its own.",
        "Root console access without MFA: one phished or reused password gives full, unrestricted control of the account.",
        new("Sign in as root, open Security credentials, Assign MFA device; or remove root credentials centrally: aws iam delete-login-profile is not allowed for root, use 'aws organizations enable-aws-service-access --service-principal iam.amazonaws.com' and IAM 'Root access management'.",
            IamRemediations.ConsoleOnly, IamRemediations.ConsoleOnly),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html"],
        [AwsOperations.GetAccountSummary]);

    protected override AwsOperation Source => AwsOperations.GetAccountSummary;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        var map = lookup.Root.GetObject("SummaryMap");
        int? Read(string key) => map is { } m && m.TryGetProperty(key, out var v) && v.TryGetInt32(out var n) ? n : null;
        var mfa = Read("AccountMFAEnabled");
        var password = Read("AccountPasswordPresent");
        if (mfa is null)
        {
            yield return new CheckOutcome(AccountArn(account), account, Regions.Global, FindingStatus.Error, "GetAccountSummary has no AccountMFAEnabled", "{}");
            yield break;
        }

        yield return Verdict(mfa == 1 || password == 0, AccountArn(account), account, Regions.Global,
            mfa == 1 ? "The root user has MFA." : "The root user has no password.",
            "The root user has no MFA.", new { AccountMFAEnabled = mfa, AccountPasswordPresent = password });
    }
}
