using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Argus.Aws.Client.Model;
using Argus.Aws.Client.Protocols;

namespace Argus.Aws.Tests.Client;

/// <summary>
/// Answers written straight to UTF-8 JSON (what the collector stores) are the bytes the tree reader's answer
/// serializes to, for every protocol the direct writer speaks and for the tree fallbacks (maps, rest-xml).
/// </summary>
public sealed class Utf8AnswerTests
{
    private const string SecurityGroups = """
        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
          <securityGroupInfo>
            <item>
              <ownerId>554773406868</ownerId>
              <groupId>sg-038ae1875ef3e82ec</groupId>
              <groupId>sg-second-occurrence-is-ignored</groupId>
              <unknownElement><item>skipped</item></unknownElement>
              <groupName>défaut &lt;web&gt; &amp; "quoted" +</groupName>
              <ipPermissions>
                <item>
                  <ipProtocol>tcp</ipProtocol>
                  <fromPort> 22 </fromPort>
                  <toPort>22</toPort>
                  <groups/>
                  <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>ssh</description></item><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>
                  <ipv6Ranges></ipv6Ranges>
                </item>
              </ipPermissions>
              <tagSet><item><key>Name</key><value></value></item></tagSet>
            </item>
            <item/>
          </securityGroupInfo>
          <nextToken></nextToken>
        </DescribeSecurityGroupsResponse>
        """;

    private const string Instances = """
        <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>
            <instanceId>i-1</instanceId><launchTime>2024-05-01T12:30:00.250Z</launchTime><ebsOptimized>TRUE</ebsOptimized>
            <cpuOptions><coreCount>2</coreCount><threadsPerCore>1</threadsPerCore></cpuOptions>
            <monitoring><state>disabled</state></monitoring>
          </item></instancesSet></item></reservationSet>
        </DescribeInstancesResponse>
        """;

    private const string AuthorizationDetails = """
        <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountAuthorizationDetailsResult>
          <IsTruncated>false</IsTruncated>
          <RoleDetailList><member>
            <RoleName>admin</RoleName><CreateDate>2020-01-02T03:04:05Z</CreateDate>
            <AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%7D%5D%7D</AssumeRolePolicyDocument>
            <RolePolicyList><member><PolicyName>p</PolicyName><PolicyDocument>not%20json</PolicyDocument></member></RolePolicyList>
          </member></RoleDetailList>
        </GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>
        """;

    // A map: read as a tree (a repeated key keeps its first position with the last value).
    private const string AccountSummary = """
        <GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountSummaryResult>
          <SummaryMap>
            <entry><key>Users</key><value>3</value></entry>
            <entry><key>Groups</key><value>1</value></entry>
            <entry><key>Users</key><value>4</value></entry>
          </SummaryMap>
        </GetAccountSummaryResult></GetAccountSummaryResponse>
        """;

    private const string EmptyResult = """
        <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListUsersResponse>
        """;

    private const string KmsKey = """
        {"KeyMetadata":{"KeyId":"k-1","CreationDate":1.7145666e9,"DeletionDate":1714566600.123456,"Enabled":true,"Description":"caf\u00e9 <b>",
         "EncryptionAlgorithms":["SYMMETRIC_DEFAULT"],"MultiRegionConfiguration":null,"Unmodelled":{"x":1}},"Extra":[1,2]}
        """;

    private const string LogGroups = """
        {"logGroups":[{"logGroupName":"/a","creationTime":1714566600000,"storedBytes":12345678901,"metricFilterCount":0}],"nextToken":null}
        """;

    [Theory]
    [InlineData("ec2", "DescribeSecurityGroups", SecurityGroups)]
    [InlineData("ec2", "DescribeInstances", Instances)]
    [InlineData("iam", "GetAccountAuthorizationDetails", AuthorizationDetails)]
    [InlineData("iam", "GetAccountSummary", AccountSummary)]
    [InlineData("iam", "ListUsers", EmptyResult)]
    [InlineData("kms", "DescribeKey", KmsKey)]
    [InlineData("logs", "DescribeLogGroups", LogGroups)]
    [InlineData("kms", "DescribeKey", "")]
    public void Written_answers_are_the_serialized_tree(string service, string operation, string body)
    {
        var model = ServiceModel.Find(service)!;
        var op = model.Operation(operation)!;
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new HttpResponseMessage().Headers;

        var expected = JsonSerializer.SerializeToUtf8Bytes(XmlStreamReader.Expected(model, op, headers, bytes));
        var written = ResponseReader.ReadUtf8(model, op, 200, headers, bytes);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
    }

    [Theory]
    [InlineData("ec2", "DescribeSecurityGroups", "<DescribeSecurityGroupsResponse><securityGroupInfo><item>", "not well-formed XML")]
    [InlineData("ec2", "DescribeInstances", "<DescribeInstancesResponse><reservationSet><item><instancesSet><item><cpuOptions><coreCount>two</coreCount></cpuOptions></item></instancesSet></item></reservationSet></DescribeInstancesResponse>", "'two' is not an integer")]
    [InlineData("kms", "DescribeKey", "[1]", "not a JSON object")]
    public void Malformed_answers_fail_as_the_tree_reader_fails(string service, string operation, string body, string message)
    {
        var model = ServiceModel.Find(service)!;
        var headers = new HttpResponseMessage().Headers;

        var error = Assert.Throws<InvalidDataException>(() => ResponseReader.ReadUtf8(model, model.Operation(operation)!, 200, headers, Encoding.UTF8.GetBytes(body)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => ResponseReader.Read(model, model.Operation(operation)!, 200, headers, Encoding.UTF8.GetBytes(body))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Paged_answers_in_bytes_are_the_merged_answer(bool twoPages)
    {
        const string page1 = """
            <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>
              <Users><member><UserName>alice</UserName><CreateDate>2020-01-02T03:04:05Z</CreateDate></member></Users>
              <IsTruncated>{0}</IsTruncated><Marker>next</Marker>
            </ListUsersResult></ListUsersResponse>
            """;
        const string page2 = """
            <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>
              <Users><member><UserName>bob</UserName><CreateDate>2021-01-02T03:04:05Z</CreateDate></member></Users>
              <IsTruncated>false</IsTruncated>
            </ListUsersResult></ListUsersResponse>
            """;
        using var server = new LocalAwsServer(r => Answer.Xml(r.Form.ContainsKey("Marker") ? page2 : string.Format(System.Globalization.CultureInfo.InvariantCulture, page1, twoPages ? "true" : "false")));
        var client = ClientHarness.Client("iam:ListUsers");

        using var merged = await client.CallAllPagesAsync("iam", "ListUsers", null, ClientHarness.Context(server), CancellationToken.None);
        var written = await client.CallAllPagesUtf8Async("iam", "ListUsers", null, ClientHarness.Context(server), CancellationToken.None);

        Assert.Equal(merged.RootElement.GetRawText(), Encoding.UTF8.GetString(written));
        Assert.DoesNotContain("IsTruncated", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        Assert.Equal(twoPages ? ["alice", "bob"] : ["alice"], JsonDocument.Parse(written).RootElement.GetProperty("Users").EnumerateArray().Select(u => u.GetProperty("UserName").GetString()));
    }

    [Fact]
    public async Task A_page_without_tokens_is_returned_as_written()
    {
        const string page = """
            <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>
              <Users><member><UserName>alice</UserName><Path>/IsTruncated/</Path></member></Users>
            </ListUsersResult></ListUsersResponse>
            """;
        using var server = new LocalAwsServer(_ => Answer.Xml(page));
        var client = ClientHarness.Client("iam:ListUsers");

        using var merged = await client.CallAllPagesAsync("iam", "ListUsers", null, ClientHarness.Context(server), CancellationToken.None);
        var written = await client.CallAllPagesUtf8Async("iam", "ListUsers", null, ClientHarness.Context(server), CancellationToken.None);

        Assert.Equal(merged.RootElement.GetRawText(), Encoding.UTF8.GetString(written));
        Assert.Equal(2, server.Requests.Count);
    }
}
