using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Organizations;

/// <summary>CIS 7.0: organization-integrated services are administered from delegated administrator accounts, not the management account.</summary>
public sealed class DelegatedAdministratorCheck : ManagementAccountCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.organizations.delegated-admin", "Delegated administrators manage organization services", Severity.Low, "organizations", "aws.organizations.organization",
        "Services such as CloudTrail, Security Hub, GuardDuty and Config can be run organization-wide from a member account registered as delegated administrator.",
        "Administering them from the management account concentrates daily work in the one account SCPs cannot restrict.",
        new("aws organizations register-delegated-administrator --account-id SECURITY_ACCOUNT --service-principal securityhub.amazonaws.com (or the service's own enable-organization-admin-account)",
            "# Add AWS::Organizations::ResourcePolicy / service-specific delegated admin resources (e.g. AWS::SecurityHub::DelegatedAdmin).",
            "# Add aws_organizations_delegated_administrator resources (or aws_securityhub_organization_admin_account...)."),
        ["https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_delegated_admin.html"],
        [AwsOperations.DescribeOrganization, AwsOperations.ListDelegatedAdministrators]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string arn)
    {
        var admins = context.Get(account, Regions.Global, AwsOperations.ListDelegatedAdministrators);
        if (admins.Missing)
        {
            yield return Missing(admins, arn, account, Regions.Global);
            yield break;
        }

        var delegated = PostureContext.Items(admins).Select(a => new { id = a.GetString("Id"), name = a.GetString("Name") }).ToList();
        yield return Verdict(delegated.Count > 0, arn, account, Regions.Global,
            $"Delegated administrators: {string.Join(", ", delegated.Select(d => $"{d.name} ({d.id})"))}.", "No account is a delegated administrator; services are run from the management account.",
            new { delegatedAdministrators = delegated });
    }
}
