using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Documents;

/// <summary>
/// The organization's service control policies as the management account answers: AWS's FullAWSAccess and a
/// guardrail on the root, and the SCP behind the planted flow-log gap on the first development account; the
/// security account as delegated administrator of Security Hub and GuardDuty.
/// </summary>
internal static class OrganizationPolicyDocuments
{
    private sealed record Scp(string Id, string Name, string Description, bool AwsManaged, string Content, IReadOnlyList<(string Id, string Name, string Type)> Targets);

    public static IEnumerable<RawDocument> All(DocumentWriter d, OrgPlan org)
    {
        var management = org.Management.Id;
        var ids = org.Ids(org.Management, Regions.Global);
        var root = (org.RootId, "Root", "ROOT");
        var development = org.FirstDevelopment;
        Scp[] policies =
        [
            new("p-FullAWSAccess", "FullAWSAccess", "Allows access to every operation", true,
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", [root]),
            new("p-" + ids.Alnum("scp", 0, 8), "deny-leave-organization", "Member accounts cannot leave the organization or stop CloudTrail", false,
                """{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":["organizations:LeaveOrganization","cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Resource":"*"}]}""", [root]),
            new("p-" + ids.Alnum("scp", 1, 8), "deny-flow-log-reads", "Hides VPC flow log configuration from the development account", false,
                """{"Version":"2012-10-17","Statement":[{"Sid":"DenyFlowLogs","Effect":"Deny","Action":"ec2:DescribeFlowLogs","Resource":"*"}]}""",
                [(development.Id, development.Name, "ACCOUNT")]),
        ];

        yield return d.List(management, Regions.Global, AwsOperations.ListServiceControlPolicies, policies, (w, p) => Summary(w, org, p));
        foreach (var policy in policies)
        {
            var w = d.Start();
            w.WriteStartObject("Policy"u8);
            w.WriteStartObject("PolicySummary"u8);
            Summary(w, org, policy);
            w.WriteEndObject();
            w.WriteString("Content"u8, policy.Content);
            w.WriteEndObject();
            yield return d.Finish(management, Regions.Global, AwsOperations.DescribePolicy, policy.Id);

            yield return d.List(management, Regions.Global, AwsOperations.ListTargetsForPolicy, policy.Targets, (t, target) =>
            {
                t.WriteString("TargetId"u8, target.Id);
                t.WriteString("Arn"u8, target.Type == "ROOT"
                    ? $"arn:aws:organizations::{management}:root/{org.OrganizationId}/{target.Id}"
                    : $"arn:aws:organizations::{management}:account/{org.OrganizationId}/{target.Id}");
                t.WriteString("Name"u8, target.Name);
                t.WriteString("Type"u8, target.Type);
            }, policy.Id);
        }

        var security = org.Security;
        yield return d.List(management, Regions.Global, AwsOperations.ListDelegatedAdministrators, new[] { security }, (w, account) =>
        {
            OrganizationDocuments.Account(w, org, account);
            w.WriteTime("DelegationEnabledDate"u8, account.Joined.AddDays(2));
        });
    }

    private static void Summary(Utf8JsonWriter w, OrgPlan org, Scp policy)
    {
        w.WriteString("Id"u8, policy.Id);
        w.WriteString("Arn"u8, policy.AwsManaged
            ? $"arn:aws:organizations::aws:policy/service_control_policy/{policy.Id}"
            : $"arn:aws:organizations::{org.Management.Id}:policy/{org.OrganizationId}/service_control_policy/{policy.Id}");
        w.WriteString("Name"u8, policy.Name);
        w.WriteString("Description"u8, policy.Description);
        w.WriteString("Type"u8, "SERVICE_CONTROL_POLICY");
        w.WriteBoolean("AwsManaged"u8, policy.AwsManaged);
    }
}
