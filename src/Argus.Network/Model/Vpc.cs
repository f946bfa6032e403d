using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>A VPC: its IPv4 ranges (primary and secondary) and IPv6 ranges.</summary>
public sealed record Vpc(string Id, string? Name, ResourceScope Scope, IReadOnlyList<IpPrefix> Cidrs)
{
    public bool Contains(IpPrefix address) => Cidrs.Any(c => c.Contains(address));
}
