namespace Argus.Network.FlowLogs.Sources;

/// <summary>Where flow logs come from: local files, an S3 prefix, CloudWatch Logs groups. Inputs are listed lazily.</summary>
public interface IFlowLogSource
{
    /// <summary>For messages: the path, <c>s3://bucket/prefix</c>, or the log groups.</summary>
    string Description { get; }

    IEnumerable<FlowLogInput> Inputs(CancellationToken ct);
}
