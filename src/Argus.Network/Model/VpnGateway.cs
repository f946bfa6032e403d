namespace Argus.Network.Model;

/// <summary>A virtual private gateway: the VPC side of site-to-site VPNs and Direct Connect private interfaces.</summary>
public sealed record VpnGateway(string Id, string? Name, IReadOnlyList<string> VpcIds);
