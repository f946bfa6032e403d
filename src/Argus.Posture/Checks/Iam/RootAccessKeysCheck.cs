using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: the root user has no access keys (GetAccountSummary AccountAccessKeysPresent).</summary>
public sealed class RootAccessKeysCheck : AccountCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.root-access-keys", "The root user has no access keys", Severity.Critical, "iam", "aws.account",
        "Access keys for the root user give programmatic, unrestricted access to the whole account.",
        "A leaked root key cannot be limited by any policy or SCP; whoever holds it owns the account.",
        new("Sign in as root, open Security credentials and delete the access keys (there is no API to delete another principal's root keys).",
            IamRemediations.ConsoleOnly, IamRemediations.ConsoleOnly),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html"],
        [AwsOperations.GetAccountSummary]);

    protected override AwsOperation Source => AwsOperations.GetAccountSummary;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        var summary = lookup.Root.GetObject("SummaryMap");
        var present = summary is { } s && s.TryGetProperty("AccountAccessKeysPresent", out var v) && v.TryGetInt32(out var n) ? n : (int?)null;
        if (present is null)
        {
            yield return new CheckOutcome(AccountArn(account), account, Regions.Global, FindingStatus.Error, "GetAccountSummary has no AccountAccessKeysPresent", "{}");
            yield break;
        }

        yield return Verdict(present == 0, AccountArn(account), account, Regions.Global,
            "The root user has no access keys.", "The root user has access keys.", new { AccountAccessKeysPresent = present });
    }
}
