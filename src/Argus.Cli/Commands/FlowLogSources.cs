using Argus.Aws.Client;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;

namespace Argus.Cli.Commands;

/// <summary>Turns <c>--flow-logs</c> into a source: a local path, <c>s3://bucket/prefix</c>, or <c>cloudwatch</c>.</summary>
public static class FlowLogSources
{
    public static IFlowLogSource Open(string location, IRuleUsageModel model, string? region, DateTimeOffset? since, DateTimeOffset? until, CancellationToken ct)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = S3Location.Parse(location);

            // The flow logs' own region is the best first guess for the bucket's; GetBucketLocation corrects it.
            var first = region ?? model.FlowLogs.Select(f => f.Region).FirstOrDefault() ?? "us-east-1";
            var context = Credentials(first, location, ct);
            var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
            return new S3FlowLogSource(s3, context.Credentials, first, endpoint is null ? null : new Uri(endpoint), since);
        }

        if (location.Equals("cloudwatch", StringComparison.OrdinalIgnoreCase))
        {
            var groups = model.FlowLogs.Where(f => f.DestinationType == "cloud-watch-logs").ToList();
            if (groups.Count == 0)
            {
                throw new CliException("the snapshot's DescribeFlowLogs answers name no CloudWatch Logs destination; pass the logs' files or s3:// location instead");
            }

            var context = Credentials(groups[0].Region, location, ct);
            var client = new AwsApiClient(new HttpClient(), Aws.Permissions.AwsPermissionCatalog.Instance, AwsApiClientOptions.FromProfile());
            return new CloudWatchFlowLogSource(client, r => context with { Region = r }, groups, since, until);
        }

        return new LocalFlowLogSource(location);
    }

    private static AwsCallContext Credentials(string region, string location, CancellationToken ct)
    {
        try
        {
            return AwsCallContext.FromDefaultChainAsync(region, ct).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or InvalidOperationException)
        {
            throw new CliException($"no AWS credentials to read {location}: {e.Message}");
        }
    }
}
