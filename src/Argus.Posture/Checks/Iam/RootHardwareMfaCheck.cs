using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS (level 2): the root user's MFA is a hardware device, i.e. not one of the account's virtual MFA devices.</summary>
public sealed class RootHardwareMfaCheck : AccountCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.root-hardware-mfa", "The root user's MFA is a hardware device", Severity.High, "iam", "aws.account",
        "A virtual MFA lives on a phone with its own attack surface; CIS level 2 asks for a hardware key for root.",
        "A compromised or lost phone can expose or lock out the most powerful identity in the account.",
        new("Sign in as root, Security credentials, remove the virtual MFA device and assign a hardware TOTP token or FIDO security key.",
            IamRemediations.ConsoleOnly, IamRemediations.ConsoleOnly),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html"],
        [AwsOperations.GetAccountSummary, AwsOperations.ListVirtualMFADevices]);

    protected override AwsOperation Source => AwsOperations.GetAccountSummary;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        var map = lookup.Root.GetObject("SummaryMap");
        var mfa = map is { } m && m.TryGetProperty("AccountMFAEnabled", out var v) && v.TryGetInt32(out var n) ? n : 0;
        if (mfa != 1)
        {
            yield return Fail(AccountArn(account), account, Regions.Global, "The root user has no MFA at all.", new { AccountMFAEnabled = mfa });
            yield break;
        }

        var devices = context.Get(account, Regions.Global, AwsOperations.ListVirtualMFADevices);
        if (devices.Missing)
        {
            yield return Missing(devices, AccountArn(account), account, Regions.Global);
            yield break;
        }

        var rootVirtual = PostureContext.Items(devices)
            .Where(d => (d.GetString("SerialNumber") ?? "").EndsWith(":mfa/root-account-mfa-device", StringComparison.Ordinal)
                || (d.GetObject("User")?.GetString("Arn") ?? "").EndsWith(":root", StringComparison.Ordinal))
            .Select(d => d.GetString("SerialNumber") ?? "")
            .ToList();
        yield return Verdict(rootVirtual.Count == 0, AccountArn(account), account, Regions.Global,
            "The root user's MFA is not a virtual device.", "The root user's MFA is a virtual device.", new { AccountMFAEnabled = mfa, rootVirtualDevices = rootVirtual });
    }
}
