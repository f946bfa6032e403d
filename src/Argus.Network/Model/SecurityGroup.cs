namespace Argus.Network.Model;

/// <summary>A security group: stateful; its inbound and outbound rules, one per peer.</summary>
public sealed record SecurityGroup(string Id, string Name, string? VpcId, ResourceScope Scope, IReadOnlyList<SecurityGroupRule> Inbound, IReadOnlyList<SecurityGroupRule> Outbound);
