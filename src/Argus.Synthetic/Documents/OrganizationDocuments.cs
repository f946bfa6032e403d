using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Documents;

/// <summary>AWS Organizations, as the management account answers: the organization, root, accounts and tree.</summary>
internal static class OrganizationDocuments
{
    public static IEnumerable<RawDocument> All(DocumentWriter d, OrgPlan org)
    {
        var management = org.Management;
        var w = d.Start();
        w.WriteStartObject("Organization"u8);
        w.WriteString("Id"u8, org.OrganizationId);
        w.WriteString("Arn"u8, $"arn:aws:organizations::{management.Id}:organization/{org.OrganizationId}");
        w.WriteString("FeatureSet"u8, "ALL");
        w.WriteString("MasterAccountArn"u8, org.AccountArn(management));
        w.WriteString("MasterAccountId"u8, management.Id);
        w.WriteString("MasterAccountEmail"u8, management.Email);
        w.WriteStartArray("AvailablePolicyTypes"u8);
        PolicyType(w);
        w.WriteEndArray();
        w.WriteEndObject();
        yield return d.Finish(management.Id, Regions.Global, AwsOperations.DescribeOrganization);

        yield return d.List(management.Id, Regions.Global, AwsOperations.ListRoots, [org.RootId], (w, root) =>
        {
            w.WriteString("Id"u8, root);
            w.WriteString("Arn"u8, $"arn:aws:organizations::{management.Id}:root/{org.OrganizationId}/{root}");
            w.WriteString("Name"u8, "Root");
            w.WriteStartArray("PolicyTypes"u8);
            PolicyType(w);
            w.WriteEndArray();
        });
        yield return d.List(management.Id, Regions.Global, AwsOperations.ListAccounts, org.Accounts, (w, account) => Account(w, org, account));
        foreach (var parent in new[] { org.RootId }.Concat(org.Units.Select(u => u.Id)))
        {
            yield return d.List(management.Id, Regions.Global, AwsOperations.ListOrganizationalUnitsForParent, org.Units.Where(u => u.ParentId == parent), (w, unit) =>
            {
                w.WriteString("Id"u8, unit.Id);
                w.WriteString("Arn"u8, $"arn:aws:organizations::{management.Id}:ou/{org.OrganizationId}/{unit.Id}");
                w.WriteString("Name"u8, unit.Name);
            }, parent);
            yield return d.List(management.Id, Regions.Global, AwsOperations.ListAccountsForParent, org.Accounts.Where(a => a.ParentId == parent), (w, account) => Account(w, org, account), parent);
        }
    }

    private static void PolicyType(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("Type"u8, "SERVICE_CONTROL_POLICY");
        w.WriteString("Status"u8, "ENABLED");
        w.WriteEndObject();
    }

    /// <summary>An Organizations Account object, as list-accounts and list-delegated-administrators print it.</summary>
    internal static void Account(Utf8JsonWriter w, OrgPlan org, AccountPlan account)
    {
        w.WriteString("Id"u8, account.Id);
        w.WriteString("Arn"u8, org.AccountArn(account));
        w.WriteString("Email"u8, account.Email);
        w.WriteString("Name"u8, account.Name);
        w.WriteString("Status"u8, "ACTIVE");
        w.WriteString("JoinedMethod"u8, account.Invited ? "INVITED" : "CREATED");
        w.WriteTime("JoinedTimestamp"u8, account.Joined);
    }
}
