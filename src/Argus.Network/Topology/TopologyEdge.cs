namespace Argus.Network.Topology;

/// <summary>
/// A link between two nodes: <c>attachment</c> (gateway to VPC, transit gateway attachments), <c>peering</c>,
/// <c>vpn</c>, <c>target</c> (load balancer to target). <see cref="Label"/> names the link (attachment or peering id).
/// </summary>
public sealed record TopologyEdge(string From, string To, string Kind, string? Label);
