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

        w = d.Start();
        w.WriteStartArray("Roots"u8);
        w.WriteStartObject();
        w.WriteString("Id"u8, org.RootId);
        w.WriteString("Arn"u8, $"arn:aws:organizations::{management.Id}:root/{org.OrganizationId}/{org.RootId}");
        w.WriteString("Name"u8, "Root");
        w.WriteStartArray("PolicyTypes"u8);
        PolicyType(w);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        yield return d.Finish(management.Id, Regions.Global, AwsOperations.ListRoots);

        w = d.Start();
        Accounts(w, org, org.Accounts);
        yield return d.Finish(management.Id, Regions.Global, AwsOperations.ListAccounts);

        foreach (var parent in new[] { org.RootId }.Concat(org.Units.Select(u => u.Id)))
        {
            w = d.Start();
            w.WriteStartArray("OrganizationalUnits"u8);
            foreach (var unit in org.Units.Where(u => u.ParentId == parent))
            {
                w.WriteStartObject();
                w.WriteString("Id"u8, unit.Id);
                w.WriteString("Arn"u8, $"arn:aws:organizations::{management.Id}:ou/{org.OrganizationId}/{unit.Id}");
                w.WriteString("Name"u8, unit.Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            yield return d.Finish(management.Id, Regions.Global, AwsOperations.ListOrganizationalUnitsForParent, parent);

            w = d.Start();
            Accounts(w, org, org.Accounts.Where(a => a.ParentId == parent));
            yield return d.Finish(management.Id, Regions.Global, AwsOperations.ListAccountsForParent, parent);
        }
    }

    private static void PolicyType(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("Type"u8, "SERVICE_CONTROL_POLICY");
        w.WriteString("Status"u8, "ENABLED");
        w.WriteEndObject();
    }

    private static void Accounts(Utf8JsonWriter w, OrgPlan org, IEnumerable<AccountPlan> accounts)
    {
        w.WriteStartArray("Accounts"u8);
        foreach (var account in accounts)
        {
            w.WriteStartObject();
            w.WriteString("Id"u8, account.Id);
            w.WriteString("Arn"u8, org.AccountArn(account));
            w.WriteString("Email"u8, account.Email);
            w.WriteString("Name"u8, account.Name);
            w.WriteString("Status"u8, "ACTIVE");
            w.WriteString("JoinedMethod"u8, account.Invited ? "INVITED" : "CREATED");
            w.WriteTime("JoinedTimestamp"u8, account.Joined);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
