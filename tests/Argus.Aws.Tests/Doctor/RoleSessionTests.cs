using Argus.Aws.Client;
using Argus.Aws.Doctor;
using Argus.Aws.Permissions;
using Argus.Aws.Tests.Client;

namespace Argus.Aws.Tests.Doctor;

public sealed class RoleSessionTests
{
    private const string AssumeRoleAnswer = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/ArgusReadOnly/argus</Arn>
              <AssumedRoleId>ARO123EXAMPLE123:argus</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
              <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
              <SessionToken>session-token-from-the-test</SessionToken>
              <Expiration>2026-11-09T13:34:41Z</Expiration>
            </Credentials>
            <PackedPolicySize>6</PackedPolicySize>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;

    private static AwsApiClient Client() => new(new HttpClient(), AwsPermissionCatalog.Instance, ClientHarness.FastRetries);

    [Fact]
    public async Task Later_calls_are_signed_with_the_session_credentials()
    {
        using var server = new LocalAwsServer(r => r.Form["Action"] == "AssumeRole" ? Answer.Xml(AssumeRoleAnswer) : DoctorAnswers.CallerIdentity());

        var session = await RoleSession.AssumeAsync(Client(), ClientHarness.Context(server), DoctorAnswers.RoleArn, "shared-id", CancellationToken.None);
        var caller = await new AwsDoctor(Client()).IdentifyAsync(session, CancellationToken.None);

        Assert.Equal(DoctorAnswers.RoleArn, caller.PrincipalArn);
        var requests = server.Requests.ToArray();
        Assert.Equal(DoctorAnswers.RoleArn, requests[0].Form["RoleArn"]);
        Assert.Equal("shared-id", requests[0].Form["ExternalId"]);
        Assert.Equal(RoleSession.DefaultSessionName, requests[0].Form["RoleSessionName"]);
        Assert.Contains("Credential=" + ClientHarness.AccessKey + "/", requests[0].Headers["authorization"], StringComparison.Ordinal);
        Assert.Contains("Credential=ASIAIOSFODNN7EXAMPLE/", requests[1].Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("session-token-from-the-test", requests[1].Headers["x-amz-security-token"]);
    }

    [Fact]
    public async Task A_refused_role_is_a_clear_identity_error()
    {
        using var server = new LocalAwsServer(_ => DoctorAnswers.QueryError("AccessDenied", ns: "https://sts.amazonaws.com/doc/2011-06-15/"));

        var e = await Assert.ThrowsAsync<AwsIdentityException>(() => RoleSession.AssumeAsync(Client(), ClientHarness.Context(server), DoctorAnswers.RoleArn, "wrong-id", CancellationToken.None));

        Assert.Equal(IdentityFailure.InvalidCredentials, e.Failure);
        Assert.Contains(DoctorAnswers.RoleArn, e.Message, StringComparison.Ordinal);
        Assert.Contains("external id", e.Message, StringComparison.Ordinal);
    }
}
