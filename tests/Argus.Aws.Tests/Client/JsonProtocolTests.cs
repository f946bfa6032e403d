using System.Text.Json.Nodes;

namespace Argus.Aws.Tests.Client;

public sealed class JsonProtocolTests
{
    [Fact]
    public async Task Organizations_list_accounts_follows_next_token()
    {
        const string page1 = """{"Accounts":[{"Id":"111111111111","Arn":"arn:aws:organizations::999999999999:account/o-abc/111111111111","Email":"a@example.com","Name":"prod","Status":"ACTIVE","JoinedMethod":"CREATED","JoinedTimestamp":1581379200.5}],"NextToken":"t2"}""";
        const string page2 = """{"Accounts":[{"Id":"222222222222","Arn":"arn:aws:organizations::999999999999:account/o-abc/222222222222","Email":"b@example.com","Name":"dev","Status":"SUSPENDED","JoinedMethod":"INVITED","JoinedTimestamp":1581465600}]}""";
        using var server = new LocalAwsServer(r => Answer.Json(JsonNode.Parse(r.Body)!["NextToken"] is null ? page1 : page2));
        var client = ClientHarness.Client("organizations:ListAccounts");

        using var result = await client.CallAllPagesAsync("organizations", "ListAccounts", null, ClientHarness.Context(server), CancellationToken.None);

        var root = JsonNode.Parse(result.RootElement.GetRawText())!.AsObject();
        Assert.Equal(["Accounts"], root.Select(p => p.Key));
        var accounts = root["Accounts"]!.AsArray();
        Assert.Equal(["111111111111", "222222222222"], accounts.Select(a => (string)a!["Id"]!));
        Assert.Equal("2020-02-11T00:00:00.500000+00:00", (string)accounts[0]!["JoinedTimestamp"]!);
        Assert.Equal("2020-02-12T00:00:00+00:00", (string)accounts[1]!["JoinedTimestamp"]!);

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("AWSOrganizationsV20161128.ListAccounts", requests[0].Headers["x-amz-target"]);
        Assert.StartsWith("application/x-amz-json-1.1", requests[0].Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("{}", requests[0].Body);
        Assert.Equal("t2", (string)JsonNode.Parse(requests[1].Body)!["NextToken"]!);
    }

    [Fact]
    public async Task Json_errors_are_classified_from_type()
    {
        using var server = new LocalAwsServer(_ => Answer.Json("""{"__type":"com.amazonaws.organizations#AccessDeniedException","Message":"You don't have permissions"}""", 400));
        var client = ClientHarness.Client("organizations:DescribeOrganization");

        var e = await Assert.ThrowsAsync<Argus.Aws.Client.AwsApiException>(() =>
            client.CallAsync("organizations", "DescribeOrganization", null, ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal(Argus.Aws.Client.AwsErrorKind.AccessDenied, e.Kind);
        Assert.Equal("AccessDeniedException", e.Code);
    }

    [Fact]
    public async Task Eks_rest_json_uses_paths_query_strings_and_pages()
    {
        using var server = new LocalAwsServer(r => r.PathAndQuery switch
        {
            "/clusters?maxResults=1" => Answer.Json("""{"clusters":["prod"],"nextToken":"n 2"}""", type: "application/json"),
            "/clusters?maxResults=1&nextToken=n%202" => Answer.Json("""{"clusters":["dev"]}""", type: "application/json"),
            "/clusters/prod" => Answer.Json("""{"cluster":{"name":"prod","arn":"arn:aws:eks:eu-west-1:123456789012:cluster/prod","createdAt":1700000000.25,"resourcesVpcConfig":{"endpointPublicAccess":true,"publicAccessCidrs":["0.0.0.0/0"]}}}""", type: "application/json"),
            var other => new Answer(404, "application/json", $$"""{"message":"no route {{other}}"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ResourceNotFoundException:http://internal.amazon.com/" }),
        });
        var client = ClientHarness.Client("eks:ListClusters", "eks:DescribeCluster");
        var ctx = ClientHarness.Context(server);

        using var list = await client.CallAllPagesAsync("eks", "ListClusters", new JsonObject { ["maxResults"] = 1 }, ctx, CancellationToken.None);
        using var cluster = await client.CallAsync("eks", "DescribeCluster", new JsonObject { ["name"] = "prod" }, ctx, CancellationToken.None);
        var missing = await Assert.ThrowsAsync<Argus.Aws.Client.AwsApiException>(() =>
            client.CallAsync("eks", "DescribeCluster", new JsonObject { ["name"] = "gone" }, ctx, CancellationToken.None));

        Assert.Equal("""{"clusters":["prod","dev"]}""", list.RootElement.GetRawText());
        var described = JsonNode.Parse(cluster.RootElement.GetRawText())!["cluster"]!;
        Assert.Equal("2023-11-14T22:13:20.250000+00:00", (string)described["createdAt"]!);
        Assert.True((bool)described["resourcesVpcConfig"]!["endpointPublicAccess"]!);
        Assert.Equal(Argus.Aws.Client.AwsErrorKind.NotFound, missing.Kind);
        Assert.Equal("ResourceNotFoundException", missing.Code);
        Assert.All(server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task S3_rest_xml_bucket_policy_and_location()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]}""";
        using var server = new LocalAwsServer(r => r.PathAndQuery switch
        {
            "/site?policy" => Answer.Json(policy, type: "application/json"),
            "/site?location" => Answer.Xml("""<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-west-1</LocationConstraint>"""),
            _ => Answer.Xml("<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>", 404),
        });
        var client = ClientHarness.Client("s3:GetBucketPolicy", "s3:GetBucketLocation");
        var ctx = ClientHarness.Context(server);

        using var got = await client.CallAsync("s3", "GetBucketPolicy", new JsonObject { ["Bucket"] = "site" }, ctx, CancellationToken.None);
        using var location = await client.CallAsync("s3", "GetBucketLocation", new JsonObject { ["Bucket"] = "site" }, ctx, CancellationToken.None);
        var none = await Assert.ThrowsAsync<Argus.Aws.Client.AwsApiException>(() =>
            client.CallAsync("s3", "GetBucketPolicy", new JsonObject { ["Bucket"] = "other" }, ctx, CancellationToken.None));

        Assert.Equal(policy, got.RootElement.GetProperty("Policy").GetString());
        Assert.Equal("eu-west-1", location.RootElement.GetProperty("LocationConstraint").GetString());
        Assert.Equal(Argus.Aws.Client.AwsErrorKind.NotFound, none.Kind);
        Assert.All(server.Requests, r => Assert.True(r.Headers.ContainsKey("x-amz-content-sha256")));
    }
}
