using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Organizations;

/// <summary>CIS: security contact information is registered (account get-alternate-contact --alternate-contact-type SECURITY).</summary>
public sealed class SecurityContactCheck : Check
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.account.security-contact", "A security contact is registered", Severity.Low, "account", "aws.account",
        "AWS sends security notifications (abuse reports, compromised credentials) to the account's security alternate contact.",
        "Security notices from AWS reach nobody who acts on them.",
        new("aws account put-alternate-contact --alternate-contact-type SECURITY --email-address security@example.com --name 'Security team' --phone-number +1-555-0100 --title 'Security'",
            "# No CloudFormation resource; use the CLI or Organizations-wide account management.",
            "resource \"aws_account_alternate_contact\" \"security\" {\n  alternate_contact_type = \"SECURITY\"\n  name = \"Security team\"  title = \"Security\"\n  email_address = \"security@example.com\"  phone_number = \"+1-555-0100\"\n}"),
        ["https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html"],
        [AwsOperations.GetAlternateContact]);

    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        foreach (var account in context.Accounts)
        {
            var contact = context.Get(account, Regions.Global, AwsOperations.GetAlternateContact);
            if (contact.Missing)
            {
                yield return Missing(contact, AccountArn(account), account, Regions.Global);
                continue;
            }

            var email = contact.Found ? contact.Root.GetObject("AlternateContact")?.GetString("EmailAddress") : null;
            yield return Verdict(email is not null, AccountArn(account), account, Regions.Global,
                "A security contact is registered.", "No security alternate contact is registered.", new { registered = email is not null });
        }
    }
}
