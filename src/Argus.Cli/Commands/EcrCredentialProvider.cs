using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.Aws.Registry;
using Argus.Vulnerability.Images;

namespace Argus.Cli.Commands;

/// <summary>
/// Registry logins for 'argus image scan': Amazon ECR hosts get a token from ecr:GetAuthorizationToken with the
/// default AWS credential chain; other registries get the static login from the environment, if any.
/// </summary>
public sealed class EcrCredentialProvider(HttpClient http, IRegistryCredentialProvider? fallback) : IRegistryCredentialProvider
{
    public async Task<RegistryCredential?> GetAsync(string registry, CancellationToken cancellation)
    {
        if (EcrAuthorization.RegionOf(registry) is not { } region)
        {
            return fallback is null ? null : await fallback.GetAsync(registry, cancellation).ConfigureAwait(false);
        }

        var context = await AwsCallContext.FromDefaultChainAsync(region, cancellation).ConfigureAwait(false);
        var (username, password) = await new EcrAuthorization(new AwsApiClient(http, AwsPermissionCatalog.Instance)).GetLoginAsync(context, cancellation).ConfigureAwait(false);
        return new RegistryCredential(username, password);
    }
}
