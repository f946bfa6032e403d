namespace Argus.Network.Reachability;

/// <summary>A query endpoint that names nothing in the snapshot, or names several things.</summary>
public sealed class EndpointException(string message) : Exception(message);
