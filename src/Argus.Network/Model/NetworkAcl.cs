namespace Argus.Network.Model;

/// <summary>A network ACL: stateless, so both directions of a connection are checked.</summary>
public sealed record NetworkAcl(string Id, string? Name, string VpcId, bool IsDefault, IReadOnlyList<NetworkAclEntry> Inbound, IReadOnlyList<NetworkAclEntry> Outbound);
