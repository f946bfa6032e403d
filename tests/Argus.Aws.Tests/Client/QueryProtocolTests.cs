using System.Text.Json.Nodes;

namespace Argus.Aws.Tests.Client;

public sealed class QueryProtocolTests
{
    private static string Page(string name, string created, string? nextMarker) => $"""
        <DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
          <DescribeLoadBalancersResult>
            <LoadBalancers>
              <member>
                <LoadBalancerArn>arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/{name}/50dc6c495c0c9188</LoadBalancerArn>
                <Scheme>internet-facing</Scheme>
                <LoadBalancerName>{name}</LoadBalancerName>
                <VpcId>vpc-3ac0fb5f</VpcId>
                <CanonicalHostedZoneId>Z2P70J7EXAMPLE</CanonicalHostedZoneId>
                <CreatedTime>{created}</CreatedTime>
                <AvailabilityZones>
                  <member><ZoneName>eu-west-1a</ZoneName><SubnetId>subnet-8360a9e7</SubnetId></member>
                  <member><ZoneName>eu-west-1b</ZoneName><SubnetId>subnet-b7d581c0</SubnetId></member>
                </AvailabilityZones>
                <SecurityGroups><member>sg-5943793c</member></SecurityGroups>
                <DNSName>{name}-424835706.eu-west-1.elb.amazonaws.com</DNSName>
                <State><Code>active</Code></State>
                <Type>application</Type>
              </member>
            </LoadBalancers>
            {(nextMarker is null ? "" : $"<NextMarker>{nextMarker}</NextMarker>")}
          </DescribeLoadBalancersResult>
          <ResponseMetadata><RequestId>6581c0ac-f39f-11e5-bb98-57c8d2EXAMPLE</RequestId></ResponseMetadata>
        </DescribeLoadBalancersResponse>
        """;

    [Fact]
    public async Task Marker_pages_merge_and_the_marker_is_dropped()
    {
        using var server = new LocalAwsServer(r => Answer.Xml(r.Form.TryGetValue("Marker", out var m) && m == "m2"
            ? Page("api", "2016-03-25T21:29:48.850Z", null)
            : Page("web", "2016-03-25T21:26:12.920Z", "m2")));
        var client = ClientHarness.Client("elasticloadbalancing:DescribeLoadBalancers");

        using var result = await client.CallAllPagesAsync("elbv2", "DescribeLoadBalancers", new JsonObject { ["PageSize"] = 1 }, ClientHarness.Context(server), CancellationToken.None);

        var root = JsonNode.Parse(result.RootElement.GetRawText())!.AsObject();
        Assert.Equal(["LoadBalancers"], root.Select(p => p.Key));
        var balancers = root["LoadBalancers"]!.AsArray();
        Assert.Equal(["web", "api"], balancers.Select(b => (string)b!["LoadBalancerName"]!));
        Assert.Equal("2016-03-25T21:26:12.920000+00:00", (string)balancers[0]!["CreatedTime"]!);
        Assert.Equal(["subnet-8360a9e7", "subnet-b7d581c0"], balancers[0]!["AvailabilityZones"]!.AsArray().Select(z => (string)z!["SubnetId"]!));
        Assert.Equal("sg-5943793c", (string)balancers[0]!["SecurityGroups"]![0]!);
        Assert.Equal("active", (string)balancers[0]!["State"]!["Code"]!);

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("2015-12-01", requests[0].Form["Version"]);
        Assert.Equal("1", requests[0].Form["PageSize"]);
        Assert.Equal("m2", requests[1].Form["Marker"]);
    }

    [Fact]
    public async Task Query_lists_are_sent_with_member_indexes()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(Page("web", "2016-03-25T21:26:12Z", null)));
        var client = ClientHarness.Client("elasticloadbalancing:DescribeLoadBalancers");

        await client.CallAsync("elbv2", "DescribeLoadBalancers", new JsonObject { ["Names"] = new JsonArray("web", "api") }, ClientHarness.Context(server), CancellationToken.None);

        var form = server.Requests.Single().Form;
        Assert.Equal("web", form["Names.member.1"]);
        Assert.Equal("api", form["Names.member.2"]);
    }

    [Fact]
    public async Task Iam_is_truncated_paging_and_query_errors()
    {
        const string page1 = """
            <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>
              <Users><member><UserId>AID1</UserId><Path>/</Path><UserName>alice</UserName><Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2020-01-02T03:04:05Z</CreateDate></member></Users>
              <IsTruncated>true</IsTruncated><Marker>next</Marker>
            </ListUsersResult></ListUsersResponse>
            """;
        const string page2 = """
            <ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>
              <Users><member><UserId>AID2</UserId><Path>/</Path><UserName>bob</UserName><Arn>arn:aws:iam::123456789012:user/bob</Arn><CreateDate>2021-01-02T03:04:05Z</CreateDate></member></Users>
              <IsTruncated>false</IsTruncated>
            </ListUsersResult></ListUsersResponse>
            """;
        using var server = new LocalAwsServer(r => Answer.Xml(r.Form.ContainsKey("Marker") ? page2 : page1));
        var client = ClientHarness.Client("iam:ListUsers");

        using var result = await client.CallAllPagesAsync("iam", "ListUsers", null, ClientHarness.Context(server), CancellationToken.None);

        var root = JsonNode.Parse(result.RootElement.GetRawText())!.AsObject();
        Assert.Equal(["Users"], root.Select(p => p.Key));
        Assert.Equal(["alice", "bob"], root["Users"]!.AsArray().Select(u => (string)u!["UserName"]!));
        Assert.Equal("next", server.Requests.Last().Form["Marker"]);
    }

    [Fact]
    public async Task Query_access_denied_names_the_action()
    {
        const string error = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error><RequestId>r</RequestId></ErrorResponse>
            """;
        using var server = new LocalAwsServer(_ => Answer.Xml(error, 403));
        var client = ClientHarness.Client("sts:AssumeRole");

        var e = await Assert.ThrowsAsync<Argus.Aws.Client.AwsApiException>(() => client.CallAsync("sts", "AssumeRole",
            new JsonObject { ["RoleArn"] = "arn:aws:iam::123456789012:role/argus", ["RoleSessionName"] = "argus", ["ExternalId"] = "x" },
            ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal(Argus.Aws.Client.AwsErrorKind.AccessDenied, e.Kind);
        Assert.Equal("sts:AssumeRole", e.Action);
        Assert.Equal("arn:aws:iam::123456789012:role/argus", server.Requests.Single().Form["RoleArn"]);
    }

    [Fact]
    public async Task Unknown_parameters_are_refused_before_sending()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml("<x/>"));
        var client = ClientHarness.Client("elasticloadbalancing:DescribeLoadBalancers");

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("elbv2", "DescribeLoadBalancers",
            new JsonObject { ["Nmes"] = new JsonArray("web") }, ClientHarness.Context(server), CancellationToken.None));

        Assert.Contains("Nmes", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
