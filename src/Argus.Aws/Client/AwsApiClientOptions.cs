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

    /// <summary>Upper bound of pages per paginated call, against services that never stop handing out tokens.</summary>
    public int MaxPages { get; init; } = 10_000;
}
