using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>A subnet: its ranges (IPv4 and IPv6) and zone.</summary>
public sealed record Subnet(string Id, string? Name, string VpcId, ResourceScope Scope, IReadOnlyList<IpPrefix> Cidrs, string? Zone)
{
    public bool Contains(IpPrefix address) => Cidrs.Any(c => c.Contains(address));
}
