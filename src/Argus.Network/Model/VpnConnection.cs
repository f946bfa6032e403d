using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>A site-to-site VPN: to a virtual private gateway or a transit gateway; static routes when not BGP.</summary>
public sealed record VpnConnection(string Id, string? Name, string? VpnGatewayId, string? TransitGatewayId, string? CustomerGatewayId, IReadOnlyList<IpPrefix> StaticRoutes);
