namespace Argus.Network.Model;

/// <summary>An EC2 instance and its interfaces (device index order: the primary first).</summary>
public sealed record Instance(string Id, string? Name, ResourceScope Scope, string? State, IReadOnlyList<string> InterfaceIds);
