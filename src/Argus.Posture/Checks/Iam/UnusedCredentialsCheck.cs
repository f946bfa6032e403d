using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>
/// CIS: credentials (console passwords, active access keys) unused for 45 days or more are disabled. A credential
/// never used counts from when it was set (password_last_changed, access_key_N_last_rotated), as the benchmark says.
/// </summary>
public sealed class UnusedCredentialsCheck : CredentialReportCheck
{
    public const int MaxIdleDays = 45;

    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.unused-credentials", "Credentials unused for 45 days or more are disabled", Severity.Medium, "iam", "aws.iam.user",
        "Passwords and access keys nobody uses still work until they are removed or deactivated.",
        "Abandoned credentials are rarely watched; if leaked they work silently.",
        new("aws iam delete-login-profile --user-name USER; aws iam update-access-key --user-name USER --access-key-id KEY --status Inactive",
            "# Remove the AWS::IAM::User LoginProfile and AWS::IAM::AccessKey (or set Status: Inactive) in the template.",
            "# Remove the aws_iam_user_login_profile and aws_iam_access_key resources, or set status = \"Inactive\"."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html"],
        [Argus.Aws.Operations.AwsOperations.GetCredentialReport]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<CredentialReportRow> rows)
    {
        foreach (var row in rows.Where(r => !r.IsRoot))
        {
            var stale = new List<string>();
            var anyCredential = false;
            if (row.Flag("password_enabled"))
            {
                anyCredential = true;
                var (days, basis) = Idle(context, row.Time("password_last_used"), row.Time("password_last_changed") ?? row.Time("user_creation_time"), "set");
                if (days >= MaxIdleDays)
                {
                    stale.Add($"console password idle {days} days ({basis})");
                }
            }

            foreach (var slot in new[] { 1, 2 })
            {
                if (!row.Flag($"access_key_{slot}_active"))
                {
                    continue;
                }

                anyCredential = true;
                var (days, basis) = Idle(context, row.Time($"access_key_{slot}_last_used_date"), row.Time($"access_key_{slot}_last_rotated"), "created");
                if (days >= MaxIdleDays)
                {
                    stale.Add($"access key {slot} idle {days} days ({basis})");
                }
            }

            if (!anyCredential)
            {
                continue;
            }

            yield return Verdict(stale.Count == 0, row.Arn, account, Regions.Global,
                $"{row.User}'s credentials were used in the last {MaxIdleDays} days.", $"{row.User}: {string.Join("; ", stale)}.",
                new
                {
                    user = row.User,
                    password_enabled = row["password_enabled"],
                    password_last_used = row["password_last_used"],
                    password_last_changed = row["password_last_changed"],
                    access_key_1_active = row["access_key_1_active"],
                    access_key_1_last_rotated = row["access_key_1_last_rotated"],
                    access_key_1_last_used_date = row["access_key_1_last_used_date"],
                    access_key_2_active = row["access_key_2_active"],
                    access_key_2_last_rotated = row["access_key_2_last_rotated"],
                    access_key_2_last_used_date = row["access_key_2_last_used_date"],
                    snapshot = context.At,
                });
        }
    }
}
