namespace Argus.Aws.Client.Model;

/// <summary>One operation of a service model: its HTTP binding and its input and output shapes.</summary>
/// <param name="ResultWrapper">For the query protocol, the element wrapping the output inside the response.</param>
/// <param name="HostPrefix">A prefix the standard endpoint's host takes, with input labels (S3 Control: <c>{AccountId}.</c>).</param>
internal sealed record OperationModel(
    string Name,
    string HttpMethod,
    string RequestUri,
    string? Input,
    string? Output,
    string? ResultWrapper,
    string? HostPrefix = null);
