using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.SampleDocuments;

namespace Argus.Aws.Tests.Normalization;

public sealed class OrganizationNormalizerTests
{
    private static string Account(string id) => $"{OrgPrefix}account/{OrgId}/{id}";

    private static string Ou(string id) => $"{OrgPrefix}ou/{OrgId}/{id}";

    private static readonly string Root = $"{OrgPrefix}root/{OrgId}/{RootId}";

    [Fact]
    public void The_tree_is_built_whatever_order_the_per_parent_answers_come_in()
    {
        var n = Normalized.Of(Regions.Global, Organization());

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal([$"{OrgPrefix}organization/{OrgId}"], n.Ids(AwsAssetTypes.Organization));
        Assert.Equal([Root], n.Ids(AwsAssetTypes.OrganizationRoot));
        Assert.Equal([Ou(WorkloadsOu), Ou(ProdOu)], n.Ids(AwsAssetTypes.OrganizationalUnit));
        Assert.Equal([Account("111111111111"), Account("222222222222"), Account("333333333333"), Account("444444444444")], n.Ids(AwsAssetTypes.OrganizationAccount));

        n.AssertRelation(Root, RelationKinds.MemberOf, $"{OrgPrefix}organization/{OrgId}");
        Assert.Equal([Root], n.Targets(Ou(WorkloadsOu), RelationKinds.MemberOf));
        Assert.Equal([Ou(WorkloadsOu)], n.Targets(Ou(ProdOu), RelationKinds.MemberOf));
        Assert.Equal([Ou(ProdOu)], n.Targets(Account("222222222222"), RelationKinds.MemberOf));
        Assert.Equal([Ou(WorkloadsOu)], n.Targets(Account("333333333333"), RelationKinds.MemberOf));
        Assert.Equal([Root], n.Targets(Account("111111111111"), RelationKinds.MemberOf));
    }

    [Fact]
    public void Account_assets_carry_the_list_item_and_belong_to_the_member_account()
    {
        var n = Normalized.Of(Regions.Global, Organization());
        var prod = n.Asset(Account("222222222222"));

        Assert.Equal("Prod web", prod.Name);
        Assert.Equal("222222222222", prod.Account);
        Assert.Equal(Regions.Global, prod.Region);
        using var properties = JsonDocument.Parse(prod.Properties);
        Assert.Equal("222222222222", properties.RootElement.GetProperty("Id").GetString());
        Assert.Equal("prod@example.com", properties.RootElement.GetProperty("Email").GetString());

        // Seen only under its parent, the late account is still an account.
        Assert.Equal("Joined later", n.Asset(Account("444444444444")).Name);
        Assert.Equal("Workloads", n.Asset(Ou(WorkloadsOu)).Name);
        Assert.Equal("111111111111", n.Asset(Ou(WorkloadsOu)).Account);
    }

    [Fact]
    public void The_global_group_has_the_account_but_no_region()
    {
        var n = Normalized.Of(Regions.Global, Organization());

        Assert.Equal([AwsArns.Account("aws", "111111111111")], n.Ids(AwsAssetTypes.Account));
        Assert.Empty(n.OfType(AwsAssetTypes.Region));
    }

    [Fact]
    public void Arns_in_the_data_decide_the_partition_of_the_global_group()
    {
        var n = Normalized.Of(Regions.Global, Normalized.Doc(Argus.Aws.Operations.AwsOperations.ListRoots, """
            {"Roots": [{"Id": "r-cn12", "Arn": "arn:aws-cn:organizations::111111111111:root/o-cnorg/r-cn12", "Name": "Root"}]}
            """));

        Assert.Equal(["arn:aws-cn:::account/111111111111"], n.Ids(AwsAssetTypes.Account));
        n.AssertRelation("arn:aws-cn:organizations::111111111111:root/o-cnorg/r-cn12", RelationKinds.MemberOf, "arn:aws-cn:organizations::111111111111:organization/o-cnorg");
    }

    [Fact]
    public void A_per_parent_answer_with_an_unknown_parent_is_reported()
    {
        var n = Normalized.Of(Regions.Global, Normalized.Doc(Argus.Aws.Operations.AwsOperations.ListAccountsForParent, $$"""
            {"Accounts": [{"Id": "222222222222", "Arn": "{{Account("222222222222")}}", "Name": "Prod web"}]}
            """, resource: "p-notaparent"));

        Assert.Single(n.OfType(AwsAssetTypes.OrganizationAccount));
        Assert.Empty(n.Targets(Account("222222222222"), RelationKinds.MemberOf));
        Assert.Contains(n.Warnings, w => w.Contains("Accounts[0]", StringComparison.Ordinal) && w.Contains("p-notaparent", StringComparison.Ordinal));
    }
}
