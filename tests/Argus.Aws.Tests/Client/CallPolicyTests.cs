using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Argus.Aws.Client;
using Argus.Core.Permissions;

namespace Argus.Aws.Tests.Client;

public sealed class CallPolicyTests
{
    private const string Vpcs = """<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpcSet><item><vpcId>vpc-1</vpcId><isDefault>true</isDefault></item></vpcSet></DescribeVpcsResponse>""";
    private const string Throttled = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors></Response>";

    [Fact]
    public async Task Calls_outside_the_catalog_never_reach_the_server()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(Vpcs));
        var client = ClientHarness.Client("ec2:DescribeSubnets");

        var e = await Assert.ThrowsAsync<PermissionDeniedByCatalogException>(() =>
            client.CallAsync("ec2", "DescribeVpcs", null, ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal("ec2:DescribeVpcs", e.Action);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("s3", "ListBuckets", "s3:ListAllMyBuckets")]
    [InlineData("s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration")]
    [InlineData("elbv2", "DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroups")]
    [InlineData("logs", "DescribeLogGroups", "logs:DescribeLogGroups")]
    public void Actions_come_from_the_operations_then_the_signing_name(string service, string operation, string action) =>
        Assert.Equal(action, ClientHarness.Client().ActionFor(service, operation));

    [Fact]
    public async Task Throttling_is_retried_with_backoff_then_succeeds()
    {
        var calls = 0;
        using var server = new LocalAwsServer(_ => Interlocked.Increment(ref calls) <= 2 ? Answer.Xml(Throttled, 503) : Answer.Xml(Vpcs));
        var client = ClientHarness.Client("ec2:DescribeVpcs");

        using var result = await client.CallAsync("ec2", "DescribeVpcs", null, ClientHarness.Context(server), CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.True(result.RootElement.GetProperty("Vpcs")[0].GetProperty("IsDefault").GetBoolean());
        // Each attempt is signed afresh, so a retry never replays a stale signature.
        Assert.All(server.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 ", r.Headers["authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttling_that_never_ends_gives_up_after_the_attempt_limit()
    {
        using var server = new LocalAwsServer(_ => Answer.Json("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", 400));
        var client = ClientHarness.Client("logs:DescribeLogGroups");

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            client.CallAsync("logs", "DescribeLogGroups", null, ClientHarness.Context(server), CancellationToken.None));

        Assert.Equal(AwsErrorKind.Throttled, e.Kind);
        Assert.Equal(ClientHarness.FastRetries.MaxAttempts, e.Attempts);
        Assert.Equal(ClientHarness.FastRetries.MaxAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task Requests_carry_a_valid_sigv4_signature()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(Vpcs));
        var client = ClientHarness.Client("ec2:DescribeVpcs");

        await client.CallAsync("ec2", "DescribeVpcs", new JsonObject { ["VpcIds"] = new JsonArray("vpc-1") }, ClientHarness.Context(server, "ap-southeast-2"), CancellationToken.None);

        var request = server.Requests.Single();
        var date = request.Headers["x-amz-date"];
        var authorization = request.Headers["authorization"];
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential=AKID/{date[..8]}/ap-southeast-2/ec2/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Equal(ExpectedSignature(request, "ap-southeast-2", "ec2"), authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + 10)..]);
    }

    [Fact]
    public async Task Configured_endpoint_variables_are_honoured()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(Vpcs));
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_EC2"] = server.Endpoint.ToString(), ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1/" };
        var client = ClientHarness.Client(ClientHarness.FastRetries with { Environment = environment.GetValueOrDefault }, "ec2:DescribeVpcs");
        var ctx = new AwsCallContext(new Amazon.Runtime.BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), "eu-west-1");

        await client.CallAsync("ec2", "DescribeVpcs", null, ctx, CancellationToken.None);

        Assert.Single(server.Requests);
    }

    // An independent SigV4 computation (AWS General Reference, "Create a signed AWS API request") over what the
    // server received, so a wrong canonical request in the client cannot pass.
    private static string ExpectedSignature(SeenRequest request, string region, string service)
    {
        var authorization = request.Headers["authorization"];
        var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0];
        var date = request.Headers["x-amz-date"];
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(h => h + ":" + request.Headers[h].Trim() + "\n"));
        var canonical = string.Join("\n", "POST", "/", "", canonicalHeaders, signedHeaders, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
        var scope = $"{date[..8]}/{region}/{service}/aws4_request";
        var toSign = string.Join("\n", "AWS4-HMAC-SHA256", date, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Encoding.UTF8.GetBytes("AWS4" + ClientHarness.SecretKey);
        foreach (var part in new[] { date[..8], region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
