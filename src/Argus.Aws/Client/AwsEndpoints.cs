using Argus.Aws.Client.Model;

namespace Argus.Aws.Client;

/// <summary>
/// Where a service's API answers and which region signs for it: the standard endpoint, unless the standard
/// AWS settings (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the profile's
/// <c>endpoint_url</c>) or the call context override it; FIPS endpoints when asked for, so FIPS and VPC endpoints and local emulators work.
/// </summary>
internal static class AwsEndpoints
{
    // Global services answer at one endpoint and sign for us-east-1 whatever region the caller works in.
    private static readonly Dictionary<string, string> GlobalHosts = new(StringComparer.Ordinal)
    {
        ["iam"] = "iam.amazonaws.com",
        ["organizations"] = "organizations.us-east-1.amazonaws.com",
    };

    public static (Uri Endpoint, string SigningRegion) Resolve(ServiceModel model, AwsCallContext ctx, AwsApiClientOptions options)
    {
        var global = GlobalHosts.TryGetValue(model.Service, out var globalHost);
        var signingRegion = global ? "us-east-1" : ctx.Region;
        if (ctx.Endpoint is not null)
        {
            return (ctx.Endpoint, signingRegion);
        }

        var environment = options.Environment;
        if (!IsTrue(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
        {
            var configured = environment("AWS_ENDPOINT_URL_" + EnvironmentName(model.ServiceId)) ?? environment("AWS_ENDPOINT_URL") ?? options.ProfileEndpointUrl;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
                    ? (uri, signingRegion)
                    : throw new ArgumentException($"the configured AWS endpoint for {model.Service} is not an absolute URL: {configured}");
            }
        }

        var prefix = options.UseFipsEndpoint ? model.EndpointPrefix + "-fips" : model.EndpointPrefix;
        var host = !global ? $"{prefix}.{ctx.Region}.amazonaws.com"
            : options.UseFipsEndpoint ? $"{prefix}.us-east-1.amazonaws.com"
            : globalHost;
        return (new Uri("https://" + host + "/"), signingRegion);
    }

    /// <summary>The serviceId as the AWS SDKs spell it in variable names: upper case, spaces as underscores.</summary>
    public static string EnvironmentName(string serviceId) => serviceId.Replace(' ', '_').ToUpperInvariant();

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
