using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>
/// A network interface: its private addresses (primary first), IPv6 addresses, the public address mapped to
/// each private one (public IPs and Elastic IPs, the internet gateway's one-to-one NAT), and its security groups.
/// </summary>
public sealed record NetworkInterface(
    string Id,
    ResourceScope Scope,
    string SubnetId,
    string VpcId,
    string InterfaceType,
    string? Description,
    string? InstanceId,
    IReadOnlyList<IpPrefix> PrivateAddresses,
    IReadOnlyList<IpPrefix> Ipv6Addresses,
    IReadOnlyDictionary<IpPrefix, IpPrefix> PublicAddresses,
    IReadOnlyList<string> SecurityGroups,
    bool SourceDestCheck)
{
    public IpPrefix? PrimaryAddress => PrivateAddresses.Count > 0 ? PrivateAddresses[0] : Ipv6Addresses.Count > 0 ? Ipv6Addresses[0] : null;

    public bool Holds(IpPrefix address) => PrivateAddresses.Contains(address) || Ipv6Addresses.Contains(address);

    /// <summary>The private address a public one maps to, or null.</summary>
    public IpPrefix? PrivateFor(IpPrefix publicAddress)
    {
        foreach (var (privateAddress, mapped) in PublicAddresses)
        {
            if (mapped == publicAddress)
            {
                return privateAddress;
            }
        }

        return null;
    }
}
