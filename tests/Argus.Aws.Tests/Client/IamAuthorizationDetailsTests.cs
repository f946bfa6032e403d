using System.Text.Json.Nodes;

namespace Argus.Aws.Tests.Client;

public sealed class IamAuthorizationDetailsTests
{
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static readonly string Page1 = $"""
        <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountAuthorizationDetailsResult>
            <IsTruncated>true</IsTruncated>
            <UserDetailList>
              <member><Path>/</Path><UserName>alice</UserName><UserId>AIDA1</UserId><Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2020-01-02T03:04:05Z</CreateDate>
                <GroupList><member>admins</member></GroupList>
                <AttachedManagedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member></AttachedManagedPolicies>
              </member>
            </UserDetailList>
            <GroupDetailList/>
            <RoleDetailList/>
            <Policies/>
            <Marker>page-2</Marker>
          </GetAccountAuthorizationDetailsResult>
        </GetAccountAuthorizationDetailsResponse>
        """;

    private static readonly string Page2 = $"""
        <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountAuthorizationDetailsResult>
            <IsTruncated>false</IsTruncated>
            <UserDetailList/>
            <GroupDetailList/>
            <RoleDetailList>
              <member><Path>/</Path><RoleName>web</RoleName><RoleId>AROA1</RoleId><Arn>arn:aws:iam::123456789012:role/web</Arn><CreateDate>2021-05-06T07:08:09Z</CreateDate>
                <AssumeRolePolicyDocument>{Uri.EscapeDataString(TrustPolicy)}</AssumeRolePolicyDocument>
                <InstanceProfileList/>
              </member>
            </RoleDetailList>
            <Policies/>
          </GetAccountAuthorizationDetailsResult>
        </GetAccountAuthorizationDetailsResponse>
        """;

    [Fact]
    public async Task Pages_merge_every_result_list_and_policy_documents_are_decoded()
    {
        using var server = new LocalAwsServer(r => Answer.Xml(r.Form.ContainsKey("Marker") ? Page2 : Page1));
        var client = ClientHarness.Client("iam:GetAccountAuthorizationDetails");

        using var result = await client.CallAllPagesAsync("iam", "GetAccountAuthorizationDetails",
            new JsonObject { ["Filter"] = new JsonArray("User", "Role") }, ClientHarness.Context(server), CancellationToken.None);

        var root = JsonNode.Parse(result.RootElement.GetRawText())!.AsObject();
        Assert.Equal(["GroupDetailList", "Policies", "RoleDetailList", "UserDetailList"], root.Select(p => p.Key).Order());
        Assert.Equal("admins", (string)root["UserDetailList"]![0]!["GroupList"]![0]!);
        var trust = root["RoleDetailList"]![0]!["AssumeRolePolicyDocument"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TrustPolicy), trust), trust.ToJsonString());
        Assert.Empty(root["Policies"]!.AsArray());

        var first = server.Requests.First().Form;
        Assert.Equal("User", first["Filter.member.1"]);
        Assert.Equal("Role", first["Filter.member.2"]);
        Assert.Equal("page-2", server.Requests.Last().Form["Marker"]);
    }
}
