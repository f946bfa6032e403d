using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>A NAT gateway: source NAT to its private address, then (public ones) to its Elastic IP at the internet gateway.</summary>
public sealed record NatGateway(string Id, string? Name, string SubnetId, string VpcId, bool Public, string State, string? InterfaceId, IpPrefix? PrivateAddress, IpPrefix? PublicAddress);
