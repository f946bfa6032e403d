namespace Argus.Posture.Checks.Iam;

/// <summary>Snippets shared by IAM checks whose fix is the same console-only or policy action.</summary>
internal static class IamRemediations
{
    public const string PasswordPolicyCfn = "# CloudFormation has no resource for the account password policy; use the CLI or a custom resource.";

    public const string PasswordPolicyTf = """
        resource "aws_iam_account_password_policy" "cis" {
          minimum_password_length        = 14
          password_reuse_prevention      = 24
          require_symbols                = true
          require_numbers                = true
          require_uppercase_characters   = true
          require_lowercase_characters   = true
          allow_users_to_change_password = true
        }
        """;

    public const string ConsoleOnly = "# Not expressible in infrastructure as code: done by the person concerned or in the console.";
}
