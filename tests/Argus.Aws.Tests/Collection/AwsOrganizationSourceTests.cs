using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;
using Argus.Core.Model;

namespace Argus.Aws.Tests.Collection;

public sealed class AwsOrganizationSourceTests
{
    private const string Member = "444455556666";
    private const string Denied = "777788889999";
    private const string Suspended = "000011112222";
    private const string Excluded = "222233334444";

    [Fact]
    public async Task Active_selected_members_are_collected_through_the_role_and_an_unassumable_one_is_a_gap()
    {
        var management = new FakeAwsAccount();
        var member = new FakeAwsAccount(Member);
        var assumed = new List<string>();
        using var server = new LocalAwsServer(r =>
        {
            if (r.Headers.GetValueOrDefault("authorization", "").Contains("Credential=ASIAMEMBER/", StringComparison.Ordinal))
            {
                return member.Handle(r);
            }

            if (r.Form.GetValueOrDefault("Action") == "AssumeRole")
            {
                lock (assumed)
                {
                    assumed.Add(r.Form["RoleArn"]);
                }

                return r.Form["RoleArn"] == $"arn:aws:iam::{Member}:role/Auditor" && r.Form["ExternalId"] == "ext-9"
                    ? Answer.Xml($"""
                        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
                        <SessionToken>t</SessionToken><Expiration>{DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
                        """)
                    : Answer.Xml("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>", 403);
            }

            return r.Headers.GetValueOrDefault("x-amz-target") switch
            {
                "AWSOrganizationsV20161128.DescribeOrganization" => Answer.Json($$"""{"Organization":{"Id":"o-abc","MasterAccountId":"{{FakeAwsAccount.AccountId}}","FeatureSet":"ALL"} }"""),
                "AWSOrganizationsV20161128.ListRoots" => Answer.Json("""{"Roots":[{"Id":"r-root","Name":"Root","Arn":"arn:aws:organizations::111122223333:root/o-abc/r-root"}]}"""),
                "AWSOrganizationsV20161128.ListOrganizationalUnitsForParent" => Answer.Json("""{"OrganizationalUnits":[]}"""),
                "AWSOrganizationsV20161128.ListAccounts" or "AWSOrganizationsV20161128.ListAccountsForParent" => Answer.Json($$"""
                    {"Accounts":[
                      {"Id":"{{FakeAwsAccount.AccountId}}","Name":"management","Status":"ACTIVE"},
                      {"Id":"{{Member}}","Name":"workloads","Status":"ACTIVE"},
                      {"Id":"{{Denied}}","Name":"sandbox","Status":"ACTIVE"},
                      {"Id":"{{Excluded}}","Name":"legacy","Status":"ACTIVE"},
                      {"Id":"{{Suspended}}","Name":"closed","Status":"SUSPENDED"}]}
                    """),
                _ => management.Handle(r),
            };
        });
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries);
        var options = new AwsCollectionOptions { Endpoint = server.Endpoint, Regions = ["eu-central-1"], CallsPerSecond = 1000 };

        var source = await AwsOrganizationSource.ConnectAsync(client, new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), options,
            new AwsOrganizationOptions("Auditor", "ext-9", ExcludeAccounts: [Excluded]), null, CancellationToken.None);
        var documents = source.ReadDocuments().ToList();

        Assert.Equal([Member, Denied], source.Members);
        Assert.Equal([$"arn:aws:iam::{Member}:role/Auditor", $"arn:aws:iam::{Denied}:role/Auditor"], assumed.Order(StringComparer.Ordinal));
        Assert.Equal([FakeAwsAccount.AccountId, Member], documents.Select(d => d.Account).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(documents, d => d.Account == FakeAwsAccount.AccountId && d.Operation == "ListAccountsForParent" && d.Resource == "r-root");
        Assert.Contains(documents, d => d.Account == Member && d.Operation == "DescribeVpcs" && d.Region == "eu-central-1");
        var gap = Assert.Single(source.Gaps);
        Assert.Equal((Denied, "sts:AssumeRole", GapReason.AccessDenied), (gap.Account, gap.Permission, gap.Reason));
        Assert.Equal(SnapshotStatus.Complete, source.Header.Status);
        Assert.Equal(4, source.Header.Scopes!.Count);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("2", false)]
    [InlineData("3", false)]
    public void Include_and_exclude_lists_select_members(string account, bool selected)
    {
        var options = new AwsOrganizationOptions(IncludeAccounts: ["1", "2"], ExcludeAccounts: ["2"]);
        Assert.Equal(selected, options.Selects(account));
    }
}
