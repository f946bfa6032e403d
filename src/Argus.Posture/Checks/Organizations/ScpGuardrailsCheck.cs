using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Organizations;

/// <summary>
/// CIS 7.0 (manual): authorization guardrails (SCPs) exist for the organization's accounts. FAIL when the only
/// service control policy is AWS's FullAWSAccess; otherwise MANUAL, listing the policies for the auditor to compare
/// with the organization's baseline and attachment targets.
/// </summary>
public sealed class ScpGuardrailsCheck : ManagementAccountCheck
{
    public const string FullAwsAccess = "p-FullAWSAccess";

    public override CheckMetadata Metadata { get; } = new(
        "aws.organizations.scp-guardrails", "Service control policies set guardrails for member accounts", Severity.Medium, "organizations", "aws.organizations.organization",
        "SCPs cap what any principal in a member account can do, e.g. never stop CloudTrail or leave approved regions.",
        "Without guardrails, one over-privileged role in any account can disable logging or security services.",
        new("aws organizations create-policy --type SERVICE_CONTROL_POLICY --name guardrails --content file://scp.json && aws organizations attach-policy --policy-id POLICY_ID --target-id ROOT_OR_OU_ID",
            "# Add an AWS::Organizations::Policy (Type SERVICE_CONTROL_POLICY) with TargetIds the root or OUs.",
            "# Add an aws_organizations_policy (type = \"SERVICE_CONTROL_POLICY\") and aws_organizations_policy_attachment to the root or OUs."),
        ["https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"],
        [AwsOperations.DescribeOrganization, AwsOperations.ListServiceControlPolicies]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string arn)
    {
        var policies = context.Get(account, Regions.Global, AwsOperations.ListServiceControlPolicies);
        if (policies.Missing)
        {
            yield return Missing(policies, arn, account, Regions.Global);
            yield break;
        }

        var custom = PostureContext.Items(policies).Where(p => p.GetString("Id") != FullAwsAccess && p.GetBool("AwsManaged") != true)
            .Select(p => new { id = p.GetString("Id"), name = p.GetString("Name") }).ToList();
        if (custom.Count == 0)
        {
            yield return Fail(arn, account, Regions.Global, "The organization has no service control policy but FullAWSAccess: no guardrails.", new { policies = custom });
            yield break;
        }

        yield return Manual(arn, account, Regions.Global,
            $"{custom.Count} service control polic{(custom.Count == 1 ? "y" : "ies")} ({string.Join(", ", custom.Select(c => c.name))}); confirm they implement the baseline and are attached to every account (list-targets-for-policy).",
            new { policies = custom });
    }
}
