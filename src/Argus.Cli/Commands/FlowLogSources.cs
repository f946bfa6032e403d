using Argus.Network.FlowLogs.Rules;
using Argus.Network.FlowLogs.Sources;

namespace Argus.Cli.Commands;

/// <summary>Turns <c>--flow-logs</c> into a source: a local path, <c>s3://bucket/prefix</c>, or <c>cloudwatch</c>.</summary>
public static class FlowLogSources
{
    public static IFlowLogSource Open(string location, IRuleUsageModel model, string? region, CancellationToken ct)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("reading flow logs from S3 is not built yet; copy them down with 'aws s3 sync' and pass the folder", ExitCodes.Usage);
        }

        if (location.Equals("cloudwatch", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException("reading flow logs from CloudWatch Logs is not built yet; export them to files and pass the folder", ExitCodes.Usage);
        }

        return new LocalFlowLogSource(location);
    }
}
