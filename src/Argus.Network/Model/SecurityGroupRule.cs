using Argus.Network.Addressing;
using Argus.Network.Traffic;

namespace Argus.Network.Model;

/// <summary>
/// One peer of one security group rule: a CIDR, a prefix list or another security group (possibly in a peered VPC
/// or another account), with the traffic the rule allows.
/// </summary>
public sealed record SecurityGroupRule(TrafficSet Traffic, IpPrefix? Cidr, string? PrefixListId, string? GroupId, string? GroupOwner, string? Description, string Text);
