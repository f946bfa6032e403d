using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>A check over the rows of each account's IAM credential report.</summary>
public abstract class CredentialReportCheck : AccountCheck
{
    protected override AwsOperation Source => AwsOperations.GetCredentialReport;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, Lookup lookup)
    {
        IReadOnlyList<CredentialReportRow> rows;
        try
        {
            rows = CredentialReport.Parse(lookup.Root);
        }
        catch (FormatException e)
        {
            return [new CheckOutcome(AccountArn(account), account, Regions.Global, FindingStatus.Error, $"unreadable credential report: {e.Message}", "{}")];
        }

        return Evaluate(context, account, rows);
    }

    protected abstract IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<CredentialReportRow> rows);

    /// <summary>Age in days of a credential last used at <paramref name="used"/>, else changed at <paramref name="fallback"/>.</summary>
    protected static (int? Days, string Basis) Idle(PostureContext context, DateTimeOffset? used, DateTimeOffset? fallback, string fallbackName) =>
        used is { } u ? (AwsTime.DaysBetween(u, context.At), "last used") : fallback is { } f ? (AwsTime.DaysBetween(f, context.At), $"never used; {fallbackName}") : (null, "no date");
}
