namespace Argus.Aws.Client.Model;

/// <summary>One operation of a service model: its HTTP binding and its input and output shapes.</summary>
/// <param name="ResultWrapper">For the query protocol, the element wrapping the output inside the response.</param>
internal sealed record OperationModel(
    string Name,
    string HttpMethod,
    string RequestUri,
    string? Input,
    string? Output,
    string? ResultWrapper);
