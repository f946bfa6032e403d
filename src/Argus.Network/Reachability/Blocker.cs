namespace Argus.Network.Reachability;

/// <summary>Where and why traffic stops: an explanation code close to AWS Reachability Analyzer's, the resource, and the reason.</summary>
public sealed record Blocker(string Code, string ResourceId, string Explanation, bool ReturnPath);
