namespace Argus.Aws.Client;

/// <summary>Retry and configuration settings of <see cref="AwsApiClient"/>; the defaults suit real AWS.</summary>
public sealed record AwsApiClientOptions
{
    /// <summary>Attempts per call, the first included, for throttling, 5xx answers and transport failures.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff before retry n is a random delay up to BaseDelay * 2^n (full jitter), capped by MaxDelay.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Reads environment variables such as <c>AWS_ENDPOINT_URL</c>; replaceable so tests stay hermetic.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// The IAM action for a (service, operation), when it differs from what <see cref="Operations.AwsOperations"/>
    /// declares or from the default <c>signingName:Operation</c>; return null to fall through to those.
    /// </summary>
    public Func<string, string, string?>? ActionFor { get; init; }

    /// <summary>The shared-config profile's <c>endpoint_url</c>, used after the environment variables.</summary>
    public string? ProfileEndpointUrl { get; init; }

    /// <summary>Use the services' FIPS endpoints (<c>ec2-fips.us-east-1...</c>) when no endpoint is configured.</summary>
    public bool UseFipsEndpoint { get; init; }

    /// <summary>
    /// Options carrying a shared-config profile's endpoint settings (<c>endpoint_url</c>, <c>use_fips_endpoint</c>,
    /// <c>ignore_configured_endpoint_urls</c>); the profile is <paramref name="profile"/>, else <c>AWS_PROFILE</c>,
    /// else <c>default</c>. A missing profile leaves the defaults.
    /// </summary>
    public static AwsApiClientOptions FromProfile(string? profile = null)
    {
        var name = profile ?? System.Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default";
        var fips = string.Equals(System.Environment.GetEnvironmentVariable("AWS_USE_FIPS_ENDPOINT"), "true", StringComparison.OrdinalIgnoreCase);
        if (!new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain().TryGetProfile(name, out var found))
        {
            return new AwsApiClientOptions { UseFipsEndpoint = fips };
        }

        return new AwsApiClientOptions
        {
            ProfileEndpointUrl = found.IgnoreConfiguredEndpointUrls == true ? null : found.EndpointUrl,
            UseFipsEndpoint = fips || found.UseFIPSEndpoint == true,
        };
    }

    /// <summary>Upper bound of pages per paginated call, against services that never stop handing out tokens.</summary>
    public int MaxPages { get; init; } = 10_000;
}
