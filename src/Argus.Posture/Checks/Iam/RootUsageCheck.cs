using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS (manual): the root user is not used for daily tasks. Reports when root was last used, for the auditor.</summary>
public sealed class RootUsageCheck : CredentialReportCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.root-usage", "The root user is not used for everyday tasks", Severity.Medium, "iam", "aws.account",
        "Whether root use was legitimate (the few tasks only root can do) is a judgement; Argus shows when it was last used.",
        "Routine root use defeats least privilege and leaves no individual accountability.",
        new("Review CloudTrail events with userIdentity.type = Root around the dates shown; change the root password if use was not expected.",
            IamRemediations.ConsoleOnly, IamRemediations.ConsoleOnly),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html"],
        [Argus.Aws.Operations.AwsOperations.GetCredentialReport]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<CredentialReportRow> rows)
    {
        var root = rows.FirstOrDefault(r => r.IsRoot);
        if (root is null)
        {
            yield return new CheckOutcome(AccountArn(account), account, Regions.Global, FindingStatus.Error, "the credential report has no <root_account> row", "{}");
            yield break;
        }

        var last = new[] { root.Time("password_last_used"), root.Time("access_key_1_last_used_date"), root.Time("access_key_2_last_used_date") }.Max();
        var message = last is { } at
            ? $"Root was last used {at:yyyy-MM-dd} ({AwsTime.DaysBetween(at, context.At)} days before the snapshot); confirm it was for a task only root can do."
            : "The credential report shows no use of root.";
        yield return Manual(AccountArn(account), account, Regions.Global, message, new
        {
            password_last_used = root["password_last_used"],
            access_key_1_last_used_date = root["access_key_1_last_used_date"],
            access_key_2_last_used_date = root["access_key_2_last_used_date"],
            mfa_active = root["mfa_active"],
        });
    }
}
