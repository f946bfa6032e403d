using Amazon.Runtime;
using Argus.Aws.Client;

namespace Argus.Aws.Tests.Client;

/// <summary>A client wired to a local server with static test credentials and millisecond backoff.</summary>
internal static class ClientHarness
{
    public const string AccessKey = "AKID";
    public const string SecretKey = "test-secret-key-never-printed";

    public static AwsApiClientOptions FastRetries { get; } = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        Environment = _ => null,
    };

    public static AwsApiClient Client(params string[] actions) => Client(FastRetries, actions);

    public static AwsApiClient Client(AwsApiClientOptions options, params string[] actions) =>
        new(new HttpClient(), new TestCatalog(actions), options);

    public static AwsCallContext Context(LocalAwsServer server, string region = "eu-west-1") =>
        new(new BasicAWSCredentials(AccessKey, SecretKey), region, server.Endpoint);
}
