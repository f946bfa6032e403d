using System.Text.Json.Nodes;
using Argus.Aws.Client;

namespace Argus.Aws.Tests.Client;

public sealed class RestXmlTests
{
    [Fact]
    public async Task Bucket_acl_reads_attributes_and_lists()
    {
        const string acl = """
            <?xml version="1.0" encoding="UTF-8"?>
            <AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Owner><ID>owner-id</ID><DisplayName>owner</DisplayName></Owner>
              <AccessControlList>
                <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>owner-id</ID><DisplayName>owner</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>
                <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
              </AccessControlList>
            </AccessControlPolicy>
            """;
        using var server = new LocalAwsServer(_ => Answer.Xml(acl.Trim()));
        var client = ClientHarness.Client("s3:GetBucketAcl");

        using var result = await client.CallAsync("s3", "GetBucketAcl", new JsonObject { ["Bucket"] = "site" }, ClientHarness.Context(server), CancellationToken.None);

        var expected = JsonNode.Parse("""
            {"Owner":{"DisplayName":"owner","ID":"owner-id"},"Grants":[
              {"Grantee":{"DisplayName":"owner","ID":"owner-id","Type":"CanonicalUser"},"Permission":"FULL_CONTROL"},
              {"Grantee":{"Type":"Group","URI":"http://acs.amazonaws.com/groups/global/AllUsers"},"Permission":"READ"}]}
            """);
        var actual = JsonNode.Parse(result.RootElement.GetRawText());
        Assert.True(JsonNode.DeepEquals(expected, actual), actual!.ToJsonString());
        Assert.Equal("/site?acl", server.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task A_malformed_answer_is_an_aws_error_naming_the_position()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml("<AccessControlPolicy><Owner></AccessControlPolicy>"));
        var client = ClientHarness.Client("s3:GetBucketAcl");

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            client.CallAsync("s3", "GetBucketAcl", new JsonObject { ["Bucket"] = "site" }, ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal("MalformedResponse", e.Code);
        Assert.Contains("line 1, position", e.Message, StringComparison.Ordinal);
    }
}
