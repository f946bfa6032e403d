using Argus.Tests;
using System.Text.Json.Nodes;

namespace Argus.Aws.Tests.Client;

public sealed class Ec2ProtocolTests
{
    private const string Page1 = """
        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
          <securityGroupInfo>
            <item>
              <ownerId>554773406868</ownerId>
              <groupId>sg-038ae1875ef3e82ec</groupId>
              <groupName>default</groupName>
              <groupDescription>default VPC security group</groupDescription>
              <vpcId>vpc-0672bce73895d7252</vpcId>
              <ipPermissions>
                <item>
                  <ipProtocol>-1</ipProtocol>
                  <groups><item><userId>554773406868</userId><groupId>sg-038ae1875ef3e82ec</groupId></item></groups>
                  <ipRanges/>
                  <ipv6Ranges/>
                  <prefixListIds/>
                </item>
              </ipPermissions>
              <ipPermissionsEgress>
                <item>
                  <ipProtocol>-1</ipProtocol>
                  <groups/>
                  <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                  <ipv6Ranges/>
                  <prefixListIds/>
                </item>
              </ipPermissionsEgress>
            </item>
          </securityGroupInfo>
          <nextToken>token-page-2</nextToken>
        </DescribeSecurityGroupsResponse>
        """;

    private const string Page2 = """
        <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLF</requestId>
          <securityGroupInfo>
            <item>
              <ownerId>554773406868</ownerId>
              <groupId>sg-09ccba6656672061b</groupId>
              <groupName>launch-wizard-1</groupName>
              <groupDescription>launch-wizard-1 created 2019-08-06T16:40:00.472-07:00</groupDescription>
              <vpcId>vpc-0672bce73895d7252</vpcId>
              <ipPermissions>
                <item>
                  <ipProtocol>tcp</ipProtocol>
                  <fromPort>22</fromPort>
                  <toPort>22</toPort>
                  <groups/>
                  <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                  <ipv6Ranges/>
                  <prefixListIds/>
                </item>
              </ipPermissions>
              <ipPermissionsEgress>
                <item>
                  <ipProtocol>-1</ipProtocol>
                  <groups/>
                  <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                  <ipv6Ranges/>
                  <prefixListIds/>
                </item>
              </ipPermissionsEgress>
            </item>
          </securityGroupInfo>
        </DescribeSecurityGroupsResponse>
        """;

    [Fact]
    public async Task Two_xml_pages_merge_into_the_cli_document()
    {
        using var server = new LocalAwsServer(r => Answer.Xml(r.Form.ContainsKey("NextToken") ? Page2 : Page1));
        var client = ClientHarness.Client("ec2:DescribeSecurityGroups");

        using var result = await client.CallAllPagesAsync("ec2", "DescribeSecurityGroups",
            new JsonObject { ["Filters"] = new JsonArray(new JsonObject { ["Name"] = "vpc-id", ["Values"] = new JsonArray("vpc-0672bce73895d7252") }) },
            ClientHarness.Context(server), CancellationToken.None);

        var expected = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("aws-network", "test-public-subnet", "aws_configs", "SecurityGroups.json")));
        var actual = JsonNode.Parse(result.RootElement.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("DescribeSecurityGroups", requests[0].Form["Action"]);
        Assert.Equal("2016-11-15", requests[0].Form["Version"]);
        Assert.Equal("vpc-id", requests[0].Form["Filter.1.Name"]);
        Assert.Equal("vpc-0672bce73895d7252", requests[0].Form["Filter.1.Value.1"]);
        Assert.False(requests[0].Form.ContainsKey("NextToken"));
        Assert.Equal("token-page-2", requests[1].Form["NextToken"]);
        Assert.Equal("vpc-id", requests[1].Form["Filter.1.Name"]);
    }

    [Fact]
    public async Task Unauthorized_operation_is_access_denied_without_retry_or_secrets()
    {
        const string error = """
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r1</RequestID></Response>
            """;
        using var server = new LocalAwsServer(_ => Answer.Xml(error, 403));
        var client = ClientHarness.Client("ec2:DescribeVpcs");

        var e = await Assert.ThrowsAsync<Argus.Aws.Client.AwsApiException>(() =>
            client.CallAsync("ec2", "DescribeVpcs", null, ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal(Argus.Aws.Client.AwsErrorKind.AccessDenied, e.Kind);
        Assert.Equal("UnauthorizedOperation", e.Code);
        Assert.Equal("ec2:DescribeVpcs", e.Action);
        Assert.Single(server.Requests);
        Assert.DoesNotContain(ClientHarness.SecretKey, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opt_in_required_means_region_disabled()
    {
        const string error = "<Response><Errors><Error><Code>OptInRequired</Code><Message>You are not subscribed to this service.</Message></Error></Errors></Response>";
        using var server = new LocalAwsServer(_ => Answer.Xml(error, 401));
        var client = ClientHarness.Client("ec2:DescribeVpcs");

        var e = await Assert.ThrowsAsync<Argus.Aws.Client.AwsApiException>(() =>
            client.CallAsync("ec2", "DescribeVpcs", null, ClientHarness.Context(server, "me-south-1"), CancellationToken.None));

        Assert.Equal(Argus.Aws.Client.AwsErrorKind.RegionDisabled, e.Kind);
    }

    [Fact]
    public async Task Typed_scalars_follow_the_model()
    {
        const string body = """
            <DescribeVolumesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <volumeSet><item>
                <volumeId>vol-1</volumeId><size>80</size><encrypted>true</encrypted><multiAttachEnabled>false</multiAttachEnabled>
                <createTime>2019-08-06T23:40:11.000Z</createTime>
                <tagSet><item><key>Name</key><value>data</value></item></tagSet>
              </item></volumeSet>
            </DescribeVolumesResponse>
            """;
        using var server = new LocalAwsServer(_ => Answer.Xml(body));
        var client = ClientHarness.Client("ec2:DescribeVolumes");

        using var result = await client.CallAsync("ec2", "DescribeVolumes", new JsonObject { ["VolumeIds"] = new JsonArray("vol-1") }, ClientHarness.Context(server), CancellationToken.None);

        var volume = JsonNode.Parse(result.RootElement.GetRawText())!["Volumes"]![0]!;
        Assert.Equal(80, (long)volume["Size"]!);
        Assert.True((bool)volume["Encrypted"]!);
        Assert.False((bool)volume["MultiAttachEnabled"]!);
        Assert.Equal("2019-08-06T23:40:11+00:00", (string)volume["CreateTime"]!);
        Assert.Equal("data", (string)volume["Tags"]![0]!["Value"]!);
        Assert.Equal("vol-1", server.Requests.Single().Form["VolumeId.1"]);
    }
}
