using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>One side of a VPC peering: the VPC, its owner, region and the ranges it shares.</summary>
public sealed record PeeringSide(string VpcId, string? Owner, string? Region, IReadOnlyList<IpPrefix> Cidrs);
