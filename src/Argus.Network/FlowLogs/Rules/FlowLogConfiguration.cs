namespace Argus.Network.FlowLogs.Rules;

/// <summary>One flow log as <c>ec2:DescribeFlowLogs</c> describes it.</summary>
/// <param name="ResourceId">The VPC, subnet or interface it captures.</param>
/// <param name="TrafficType">ACCEPT, REJECT or ALL.</param>
/// <param name="DestinationType">cloud-watch-logs, s3 or kinesis-data-firehose.</param>
/// <param name="Destination">The S3 bucket ARN (with prefix) or log group ARN.</param>
/// <param name="LogGroupName">For CloudWatch Logs delivery.</param>
/// <param name="LogFormat">The <c>${field}</c> format; null means the default.</param>
public sealed record FlowLogConfiguration(
    string FlowLogId,
    string Account,
    string Region,
    string ResourceId,
    string TrafficType,
    string DestinationType,
    string? Destination,
    string? LogGroupName,
    string? LogFormat,
    string? Status)
{
    /// <summary>Accepted traffic is what proves a rule used; a REJECT-only flow log cannot.</summary>
    public bool CapturesAccepted => TrafficType is "ALL" or "ACCEPT";

    /// <summary>Seconds per aggregation interval (60 or 600): each interface logs at least one record (or NODATA) per interval.</summary>
    public int MaxAggregationInterval { get; init; } = 600;
}
