using System.Text;
using System.Text.RegularExpressions;
using Argus.Aws.Client;
using Argus.Core.Json;

namespace Argus.Aws.Registry;

/// <summary>
/// Logins for Amazon ECR registries (feature vuln.images): <c>ecr:GetAuthorizationToken</c> through the generic,
/// catalog-checked client gives a 12-hour token whose base64 form is "AWS:&lt;password&gt;". The password is
/// handed to the registry client and never logged or stored.
/// </summary>
public sealed partial class EcrAuthorization(AwsApiClient client)
{
    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?(:\d+)?$")]
    private static partial Regex EcrHost();

    /// <summary>The region of an ECR registry host ("123456789012.dkr.ecr.eu-west-1.amazonaws.com"), or null when the host is not ECR.</summary>
    public static string? RegionOf(string registryHost)
    {
        var m = EcrHost().Match(registryHost);
        return m.Success ? m.Groups["region"].Value : null;
    }

    /// <summary>The (username, password) for the registry in <paramref name="context"/>'s region and account.</summary>
    public async Task<(string Username, string Password)> GetLoginAsync(AwsCallContext context, CancellationToken cancellation)
    {
        using var answer = await client.CallAsync("ecr", "GetAuthorizationToken", null, context, cancellation).ConfigureAwait(false);
        var data = answer.RootElement.GetArray("authorizationData").FirstOrDefault();
        var token = data.ValueKind == System.Text.Json.JsonValueKind.Object ? data.GetString("authorizationToken") : null;
        if (token is null)
        {
            throw new InvalidOperationException("ecr:GetAuthorizationToken answered without authorizationData[0].authorizationToken");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("ecr:GetAuthorizationToken answered a token that is not base64");
        }

        var colon = decoded.IndexOf(':');
        return colon > 0
            ? (decoded[..colon], decoded[(colon + 1)..])
            : throw new InvalidOperationException("ecr:GetAuthorizationToken answered a token that is not 'user:password'");
    }
}
