namespace Argus.Network.Model;

/// <summary>
/// What is attached to a transit gateway (<c>vpc</c>, <c>vpn</c>, <c>direct-connect-gateway</c>, <c>peering</c>,
/// <c>connect</c>, ...), the route table it is associated with, and for VPCs the subnets it has interfaces in.
/// For a peering, <see cref="ResourceId"/> is the peer transit gateway.
/// </summary>
public sealed record TransitGatewayAttachment(
    string Id, string? Name, string TransitGatewayId, string ResourceType, string ResourceId, string? ResourceOwner, string? RouteTableId, IReadOnlyList<string> SubnetIds);
