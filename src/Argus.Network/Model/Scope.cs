namespace Argus.Network.Model;

/// <summary>Where a resource was described: its account and region, as the snapshot's documents say.</summary>
public sealed record ResourceScope(string Account, string Region);
