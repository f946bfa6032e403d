using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: active access keys were created or rotated within the last 90 days.</summary>
public sealed class AccessKeyRotationCheck : CredentialReportCheck
{
    public const int MaxAgeDays = 90;

    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.access-key-rotation", "Access keys are rotated every 90 days or less", Severity.Medium, "iam", "aws.iam.user",
        "Long-lived access keys accumulate copies in laptops, CI systems and logs.",
        "The older a key, the more places it may have leaked to, and it keeps working until rotated.",
        new("aws iam create-access-key --user-name USER; (switch clients to the new key) aws iam update-access-key --user-name USER --access-key-id OLD --status Inactive; aws iam delete-access-key --user-name USER --access-key-id OLD",
            "# Replace the AWS::IAM::AccessKey resource (change its Serial) to issue a new key.",
            "# Taint or replace the aws_iam_access_key resource to issue a new key; prefer roles over keys."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_RotateAccessKey"],
        [Argus.Aws.Operations.AwsOperations.GetCredentialReport]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<CredentialReportRow> rows)
    {
        foreach (var row in rows.Where(r => !r.IsRoot))
        {
            foreach (var slot in new[] { 1, 2 })
            {
                if (!row.Flag($"access_key_{slot}_active"))
                {
                    continue;
                }

                var rotated = row.Time($"access_key_{slot}_last_rotated");
                var age = rotated is { } r ? AwsTime.DaysBetween(r, context.At) : (int?)null;
                yield return Verdict(age is not null && age < MaxAgeDays, $"{row.Arn}/access-key-{slot}", account, Regions.Global,
                    $"{row.User}'s access key {slot} is {age} days old.", $"{row.User}'s access key {slot} was last rotated {age?.ToString() ?? "at an unknown time"} days before the snapshot (limit {MaxAgeDays}).",
                    new { user = row.User, slot, last_rotated = row[$"access_key_{slot}_last_rotated"], last_used = row[$"access_key_{slot}_last_used_date"], ageDays = age });
            }
        }
    }
}
