using Amazon.Runtime;

namespace Argus.Aws.Client;

/// <summary>Who calls and where: the credentials (never logged), the region, and an optional endpoint override.</summary>
/// <param name="Credentials">Any AWSSDK.Core credentials: default chain, assumed role, or static keys in tests.</param>
/// <param name="Region">The region to call, e.g. <c>eu-west-1</c>; global services sign for their home region.</param>
/// <param name="Endpoint">When set, every call goes here instead of the standard or configured endpoint.</param>
public sealed record AwsCallContext(AWSCredentials Credentials, string Region, Uri? Endpoint = null)
{
    /// <summary>Told before each retry of a throttled or failed attempt, so a caller can slow down (the collector's rate limiter).</summary>
    public Action<AwsApiException>? OnRetry { get; init; }

    /// <summary>
    /// Awaited before every HTTP attempt (each page and each retry), so a caller's rate limiter paces what is really
    /// sent rather than one logical call (the collector's per-region token bucket).
    /// </summary>
    public Func<CancellationToken, Task>? BeforeAttempt { get; init; }

    /// <summary>A context on the SDK's default credential chain (environment, profiles including SSO, instance role).</summary>
    public static async Task<AwsCallContext> FromDefaultChainAsync(string region, CancellationToken ct)
    {
        using var resolver = new Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver();
        var credentials = await resolver.ResolveIdentityAsync(null!, ct).ConfigureAwait(false);
        return new AwsCallContext(credentials, region);
    }
}
