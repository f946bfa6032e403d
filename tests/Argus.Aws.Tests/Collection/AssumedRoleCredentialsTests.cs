using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;

namespace Argus.Aws.Tests.Collection;

public sealed class AssumedRoleCredentialsTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/ArgusReadOnly";

    [Fact]
    public async Task Calls_are_signed_with_the_assumed_role_after_an_assume_role_with_the_external_id()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(r => r.Form.GetValueOrDefault("Action") == "AssumeRole"
            ? Answer.Xml($"""
                <AssumeRoleResponse><AssumeRoleResult><Credentials>
                <AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey><SessionToken>role-token</SessionToken>
                <Expiration>{DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration>
                </Credentials><AssumedRoleUser><Arn>arn:aws:sts::111122223333:assumed-role/ArgusReadOnly/argus-collect</Arn><AssumedRoleId>AROA:argus-collect</AssumedRoleId></AssumedRoleUser>
                </AssumeRoleResult></AssumeRoleResponse>
                """)
            : account.Handle(r));
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries);
        var caller = new AwsCallContext(new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), "us-east-1", server.Endpoint);
        var role = new AssumedRoleCredentials(client, caller, RoleArn, "ext-123");

        var collector = await AwsCollector.ConnectAsync(client, role, new AwsCollectionOptions { Endpoint = server.Endpoint, Regions = ["eu-central-1"] }, null, CancellationToken.None);

        Assert.Equal(FakeAwsAccount.AccountId, collector.Account);
        var requests = server.Requests.ToList();
        var assume = Assert.Single(requests, r => r.Form.GetValueOrDefault("Action") == "AssumeRole");
        Assert.Equal(RoleArn, assume.Form["RoleArn"]);
        Assert.Equal("ext-123", assume.Form["ExternalId"]);
        Assert.Contains("Credential=" + ClientHarness.AccessKey + "/", assume.Headers["authorization"], StringComparison.Ordinal);
        var identity = Assert.Single(requests, r => r.Form.GetValueOrDefault("Action") == "GetCallerIdentity");
        Assert.Contains("Credential=ASIAROLE/", identity.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("role-token", identity.Headers["x-amz-security-token"]);
    }

    [Fact]
    public async Task A_denied_assume_role_is_an_aws_error_naming_the_action()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>", 403));
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries);
        var caller = new AwsCallContext(new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), "us-east-1", server.Endpoint);

        var e = await Assert.ThrowsAsync<AwsApiException>(() =>
            AwsCollector.ConnectAsync(client, new AssumedRoleCredentials(client, caller, RoleArn, null), new AwsCollectionOptions { Endpoint = server.Endpoint }, null, CancellationToken.None));

        Assert.Equal(AwsErrorKind.AccessDenied, e.Kind);
        Assert.Equal("sts:AssumeRole", e.Action);
    }

    [Fact]
    public async Task An_mfa_role_is_assumed_with_the_serial_and_code_which_no_error_repeats()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>MultiFactorAuthentication failed with invalid MFA one time pass code.</Message></Error></ErrorResponse>", 403));
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries);
        var caller = new AwsCallContext(new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), "us-east-1", server.Endpoint);
        const string Serial = "arn:aws:iam::999999999999:mfa/auditor";

        var e = await Assert.ThrowsAsync<AwsApiException>(() => AwsCollector.ConnectAsync(client,
            new AssumedRoleCredentials(client, caller, RoleArn, null, Serial, "123456"), new AwsCollectionOptions { Endpoint = server.Endpoint }, null, CancellationToken.None));

        var assume = Assert.Single(server.Requests);
        Assert.Equal(Serial, assume.Form["SerialNumber"]);
        Assert.Equal("123456", assume.Form["TokenCode"]);
        Assert.DoesNotContain("123456", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:iam::999999999999:mfa/auditor", null)]
    [InlineData(null, "123456")]
    [InlineData("arn:aws:iam::999999999999:mfa/auditor", "12345x")]
    public void An_incomplete_or_malformed_mfa_is_refused_without_repeating_the_code(string? serial, string? code)
    {
        var client = new AwsApiClient(new HttpClient(), AwsPermissionCatalog.Instance);
        var caller = new AwsCallContext(new BasicAWSCredentials(ClientHarness.AccessKey, ClientHarness.SecretKey), "us-east-1");

        var e = Assert.Throws<ArgumentException>(() => new AssumedRoleCredentials(client, caller, RoleArn, null, serial, code));

        Assert.DoesNotContain("12345", e.Message, StringComparison.Ordinal);
    }
}
