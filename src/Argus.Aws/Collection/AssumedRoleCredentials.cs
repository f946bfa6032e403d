using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;

namespace Argus.Aws.Collection;

/// <summary>
/// Credentials of a role assumed with sts:AssumeRole through the generic client, renewed before they expire so a
/// long collection keeps working. The external id guards against the confused-deputy problem for third parties.
/// A role whose trust policy requires MFA is assumed with the device's serial number and a current token code; the
/// code is sent once and never logged or kept in a message, and since a code cannot be used twice, such a session
/// is not renewed: it lasts the role's session duration.
/// </summary>
public sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly AwsApiClient client;
    private readonly AwsCallContext caller;
    private readonly string roleArn;
    private readonly string? externalId;
    private readonly string? mfaSerial;
    private string? tokenCode;

    /// <param name="client">The client that makes the sts:AssumeRole call.</param>
    /// <param name="caller">Who assumes the role (their credentials, the STS region and endpoint).</param>
    /// <param name="roleArn">The role to assume.</param>
    /// <param name="externalId">The external id the role's trust policy requires, if any.</param>
    /// <param name="mfaSerial">The MFA device (serial number or virtual device ARN) the trust policy requires, if any.</param>
    /// <param name="tokenCode">The device's current six-digit code; required with <paramref name="mfaSerial"/>.</param>
    /// <exception cref="ArgumentException">Only one of <paramref name="mfaSerial"/> and <paramref name="tokenCode"/> is given, or the code is not six digits.</exception>
    public AssumedRoleCredentials(AwsApiClient client, AwsCallContext caller, string roleArn, string? externalId, string? mfaSerial = null, string? tokenCode = null)
    {
        if ((mfaSerial is null) != (tokenCode is null))
        {
            throw new ArgumentException("an MFA serial number and a token code go together: give both or neither");
        }

        if (tokenCode is not null && (tokenCode.Length != 6 || !tokenCode.All(char.IsAsciiDigit)))
        {
            // The code itself is not repeated in the message.
            throw new ArgumentException("an MFA token code is six digits", nameof(tokenCode));
        }

        this.client = client;
        this.caller = caller;
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.mfaSerial = mfaSerial;
        this.tokenCode = tokenCode;
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    /// <inheritdoc/>
    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    /// <inheritdoc/>
    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var parameters = new JsonObject { ["RoleArn"] = roleArn, ["RoleSessionName"] = "argus-collect" };
        if (externalId is not null)
        {
            parameters["ExternalId"] = externalId;
        }

        if (mfaSerial is not null)
        {
            // A code is good for one AssumeRole only: a renewal after the session ends would be refused as reused.
            var code = Interlocked.Exchange(ref tokenCode, null)
                ?? throw new InvalidOperationException($"the MFA session for {roleArn} has expired; run again with a new --token-code");
            parameters["SerialNumber"] = mfaSerial;
            parameters["TokenCode"] = code;
        }

        using var answer = await client.CallAsync("sts", "AssumeRole", parameters, caller, CancellationToken.None).ConfigureAwait(false);
        var credentials = answer.RootElement.GetProperty("Credentials");
        var expiration = DateTimeOffset.Parse(credentials.GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return new CredentialsRefreshState(
            new ImmutableCredentials(
                credentials.GetProperty("AccessKeyId").GetString(),
                credentials.GetProperty("SecretAccessKey").GetString(),
                credentials.GetProperty("SessionToken").GetString()),
            expiration.UtcDateTime);
    }
}
