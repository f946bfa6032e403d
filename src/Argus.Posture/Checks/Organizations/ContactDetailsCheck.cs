using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Organizations;

/// <summary>
/// CIS (manual): account contact details are current and reach more than one person. Only a person can judge that;
/// Argus reports the account's root email as Organizations lists it, when the snapshot has it.
/// </summary>
public sealed class ContactDetailsCheck : Check
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.account.contact-details", "Account contact details are current", Severity.Informational, "account", "aws.account",
        "AWS contacts the account owner by email and phone about abuse or suspected compromise.",
        "If the contact reaches nobody, AWS may throttle or suspend the account's traffic during an incident.",
        new("aws account put-contact-information --contact-information '{...}' and use a distribution list for the root email",
            "# Not manageable from CloudFormation.", "# aws_account_primary_contact manages the primary contact."),
        ["https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-primary.html"],
        [AwsOperations.ListAccounts]);

    public override IEnumerable<CheckOutcome> Evaluate(PostureContext context)
    {
        var emails = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in context.Accounts)
        {
            var list = context.Get(account, Regions.Global, AwsOperations.ListAccounts);
            foreach (var item in PostureContext.Items(list))
            {
                if (item.GetString("Id") is { } id && item.GetString("Email") is { } email)
                {
                    emails[id] = email;
                }
            }
        }

        foreach (var account in context.Accounts)
        {
            var email = emails.GetValueOrDefault(account);
            yield return Manual(AccountArn(account), account, Regions.Global,
                email is null ? "Confirm the account's contact details in the Billing console reach more than one person." : $"Root email {email}: confirm it is a monitored distribution list and the phone reaches more than one person.",
                new { rootEmail = email });
        }
    }
}
