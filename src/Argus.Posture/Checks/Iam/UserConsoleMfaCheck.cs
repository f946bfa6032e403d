using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: every IAM user with a console password has MFA.</summary>
public sealed class UserConsoleMfaCheck : CredentialReportCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.iam.user-console-mfa", "IAM users with a console password have MFA", Severity.High, "iam", "aws.iam.user",
        "A console password alone is one factor; MFA adds a device the attacker does not have.",
        "Phished or reused passwords give console access to whatever the user may do.",
        new("aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile qr.png --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name USER --serial-number ARN --authentication-code1 CODE1 --authentication-code2 CODE2",
            "# Enforce with an IAM policy that denies everything but MFA self-service unless aws:MultiFactorAuthPresent is true.",
            "# Enforce with an aws_iam_policy that denies actions when aws:MultiFactorAuthPresent is false, attached to users' groups."),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html"],
        [Argus.Aws.Operations.AwsOperations.GetCredentialReport]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<CredentialReportRow> rows)
    {
        foreach (var row in rows.Where(r => !r.IsRoot && r.Flag("password_enabled")))
        {
            yield return Verdict(row.Flag("mfa_active"), row.Arn, account, Regions.Global,
                $"{row.User} has a console password and MFA.", $"{row.User} has a console password and no MFA.",
                new { user = row.User, password_enabled = row["password_enabled"], mfa_active = row["mfa_active"], password_last_used = row["password_last_used"] });
        }
    }
}
