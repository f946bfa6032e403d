using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;

namespace Argus.Aws.Collection;

/// <summary>
/// Credentials of a role assumed with sts:AssumeRole through the generic client, renewed before they expire so a
/// long collection keeps working. The external id guards against the confused-deputy problem for third parties.
/// </summary>
public sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly AwsApiClient client;
    private readonly AwsCallContext caller;
    private readonly string roleArn;
    private readonly string? externalId;

    /// <param name="client">The client that makes the sts:AssumeRole call.</param>
    /// <param name="caller">Who assumes the role (their credentials, the STS region and endpoint).</param>
    /// <param name="roleArn">The role to assume.</param>
    /// <param name="externalId">The external id the role's trust policy requires, if any.</param>
    public AssumedRoleCredentials(AwsApiClient client, AwsCallContext caller, string roleArn, string? externalId)
    {
        this.client = client;
        this.caller = caller;
        this.roleArn = roleArn;
        this.externalId = externalId;
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
