namespace Argus.Network.Model.Firewall;

/// <summary>
/// An AWS Network Firewall: the VPC it sits in, its policy and, per availability zone, the endpoint (a <c>vpce-</c>
/// id that route tables name as a target) and the subnet that endpoint lives in.
/// </summary>
public sealed record NetworkFirewall(string Arn, string Name, string VpcId, string? PolicyArn, ResourceScope Scope, IReadOnlyDictionary<string, string> EndpointSubnets);
