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

    /// <summary>
    /// The endpoint of one call: <see cref="Resolve(ServiceModel, AwsCallContext, AwsApiClientOptions)"/>, with the
    /// operation's host prefix (S3 Control's <c>{AccountId}.</c>) on the standard endpoint only: a configured
    /// endpoint (a VPC endpoint, a local emulator) is used as given, as the AWS SDKs do with host prefixes disabled.
    /// </summary>
    public static (Uri Endpoint, string SigningRegion) Resolve(ServiceModel model, OperationModel operation, System.Text.Json.Nodes.JsonObject? parameters,
        AwsCallContext ctx, AwsApiClientOptions options)
    {
        var (endpoint, signingRegion) = Resolve(model, ctx, options);
        if (operation.HostPrefix is not { } prefix || Configured(model, ctx, options))
        {
            return (endpoint, signingRegion);
        }

        var host = System.Text.RegularExpressions.Regex.Replace(prefix, @"\{(\w+)\}", m =>
        {
            var value = parameters?[m.Groups[1].Value]?.GetValue<string>();
            return value is { Length: > 0 } && Uri.CheckHostName(value + ".example") == UriHostNameType.Dns
                ? value
                : throw new ArgumentException($"{operation.Name} needs a host name label for {m.Groups[1].Value}");
        });
        return (new UriBuilder(endpoint) { Host = host + endpoint.Host }.Uri, signingRegion);
    }

    private static bool Configured(ServiceModel model, AwsCallContext ctx, AwsApiClientOptions options) =>
        ctx.Endpoint is not null
        || (!IsTrue(options.Environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
            && !string.IsNullOrWhiteSpace(options.Environment("AWS_ENDPOINT_URL_" + EnvironmentName(model.ServiceId)) ?? options.Environment("AWS_ENDPOINT_URL") ?? options.ProfileEndpointUrl));

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
