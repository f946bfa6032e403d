using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS 3.0: no IAM user has two active access keys.</summary>
public sealed class SingleActiveKeyCheck : CredentialReportCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.single-active-key", "IAM users have at most one active access key", Severity.Low, "iam", "aws.iam.user",
        "Two active keys are only needed briefly while rotating.",
        "A second active key doubles what can leak and is often a rotation left half-done.",
        new("aws iam update-access-key --user-name USER --access-key-id OLDER_KEY --status Inactive",
            "# Keep one AWS::IAM::AccessKey per user, or set Status: Inactive on the older one.",
            "# Keep one aws_iam_access_key per user, or set status = \"Inactive\" on the older one."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"],
        [Argus.Aws.Operations.AwsOperations.GetCredentialReport]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<CredentialReportRow> rows)
    {
        foreach (var row in rows.Where(r => !r.IsRoot && (r.Flag("access_key_1_active") || r.Flag("access_key_2_active"))))
        {
            var both = row.Flag("access_key_1_active") && row.Flag("access_key_2_active");
            yield return Verdict(!both, row.Arn, account, Regions.Global,
                $"{row.User} has one active access key.", $"{row.User} has two active access keys.",
                new { user = row.User, access_key_1_active = row["access_key_1_active"], access_key_2_active = row["access_key_2_active"] });
        }
    }
}
