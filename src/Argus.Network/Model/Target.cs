namespace Argus.Network.Model;

/// <summary>A registered target: an instance id, an IP address or a Lambda function, and its port.</summary>
public sealed record Target(string Id, int? Port, string? Health);
