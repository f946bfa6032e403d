namespace Argus.Network.Topology;

/// <summary>
/// A node of the topology graph. <see cref="Parent"/> is the node it sits in (an account holds VPCs, a VPC subnets
/// and gateways, a subnet instances and load balancers), so a drawing can nest them.
/// </summary>
public sealed record TopologyNode(string Id, string Type, string Label, string? Account, string? Region, string? Parent);
