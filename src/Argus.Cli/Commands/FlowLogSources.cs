using Argus.Aws.Client;
using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;

namespace Argus.Cli.Commands;

/// <summary>Turns <c>--flow-logs</c> into a source: a local path, <c>s3://bucket/prefix</c>, or <c>cloudwatch</c>.</summary>
public static class FlowLogSources
{
    public static IFlowLogSource Open(string location, IRuleUsageModel model, string? region, DateTimeOffset? since, CancellationToken ct)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var s3 = S3Location.Parse(location);

            // The flow logs' own region is the best first guess for the bucket's; GetBucketLocation corrects it.
            var first = region ?? model.FlowLogs.Select(f => f.Region).FirstOrDefault() ?? "us-east-1";
            AwsCallContext context;
            try
            {
                context = AwsCallContext.FromDefaultChainAsync(first, ct).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonClientException or InvalidOperationException)
            {
                throw new CliException($"no AWS credentials to read {location}: {e.Message}");
            }

            var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
            return new S3FlowLogSource(s3, context.Credentials, first, endpoint is null ? null : new Uri(endpoint), since);
        }

        if (location.Equals("cloudwatch", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("reading flow logs from CloudWatch Logs is not built yet; export the log groups to files (or deliver to S3) and pass them", ExitCodes.Usage);
        }

        return new LocalFlowLogSource(location);
    }
}
