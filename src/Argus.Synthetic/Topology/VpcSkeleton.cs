using Argus.Synthetic.Addressing;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Topology;

/// <summary>
/// What the rest of the organization can know about a VPC without generating it: its id, CIDR, subnets, and
/// gateways. Transit gateway attachments, peerings and shared routes are built from skeletons.
/// </summary>
/// <param name="Index">Position among the VPCs of its account and region.</param>
/// <param name="Ordinal">Position among the organization's non-default VPCs, which decides its CIDRs.</param>
/// <param name="Zones">How many availability zones its subnets span.</param>
internal sealed record VpcSkeleton(
    AccountPlan Account,
    int RegionIndex,
    string Region,
    IdFactory Ids,
    int Index,
    string Name,
    VpcKind Kind,
    Ipv4Block Cidr,
    int Ordinal,
    string? Ipv6Cidr,
    int Zones,
    IReadOnlyList<SubnetTier> Tiers,
    bool InternetGateway,
    NatLayout Nat,
    bool TransitGateway,
    IReadOnlyList<string> InterfaceEndpoints,
    bool PublicLoadBalancer,
    bool InternalLoadBalancer,
    bool FlowLogs)
{
    public string Id => Ids.Ec2("vpc", Index);

    public string TransitGatewayAttachmentId => Ids.Ec2("tgw-attach", Index);

    /// <summary>The stem of its resources' names: <c>prod</c> for <c>prod-vpc</c> (<c>prod-public-a</c>, <c>prod-nat-a</c>).</summary>
    public string ShortName => Kind == VpcKind.Default ? "default" : Name.EndsWith("-vpc", StringComparison.Ordinal) ? Name[..^4] : Name;

    public int NatGateways => Nat switch { NatLayout.PerZone => Zones, NatLayout.Single => 1, _ => 0 };

    /// <summary>Interfaces that belong to the VPC's plumbing rather than to instances.</summary>
    public int InfrastructureInterfaces =>
        NatGateways
        + (TransitGateway ? Zones : 0)
        + InterfaceEndpoints.Count * Zones
        + (PublicLoadBalancer ? Zones : 0)
        + (InternalLoadBalancer ? Zones : 0);

    /// <summary>Whether fleets of instances live here (the hub's egress VPC and default VPCs stay empty).</summary>
    public bool HostsInstances => Kind is not (VpcKind.Default or VpcKind.Egress);

    public bool Has(SubnetTier tier) => Tiers.Contains(tier);

    /// <summary>The AWS Network Firewall endpoint in a zone's firewall subnet (a <c>vpce-</c> id route tables name as a target).</summary>
    public string FirewallEndpointId(int zone) => Ids.Ec2("vpce", "vpce:network-firewall", Index * 4 + zone);

    public string SubnetId(SubnetTier tier, int zone) => Ids.Ec2("subnet", Index * 16 + (int)tier * 4 + zone);

    /// <summary>
    /// The subnet's block: private subnets take a quarter of the VPC each; the last quarter is cut in eight for
    /// the public and data subnets. A default VPC has AWS's /20 per zone.
    /// </summary>
    public Ipv4Block SubnetBlock(SubnetTier tier, int zone)
    {
        if (Kind == VpcKind.Default)
        {
            return Cidr.Part(20, zone);
        }

        var p = Cidr.PrefixLength;
        return tier switch
        {
            SubnetTier.Private => Cidr.Part(p + 2, zone),
            SubnetTier.Public => Cidr.Part(p + 2, 3).Part(p + 5, zone),

            // Only the hub's egress VPC has firewall subnets, and it has no data tier: they take the data blocks.
            SubnetTier.Firewall => Cidr.Part(p + 2, 3).Part(p + 5, 4 + zone),
            _ => Cidr.Part(p + 2, 3).Part(p + 5, 4 + zone),
        };
    }

    /// <summary>The /64 of a subnet inside the VPC's /56, or null for an IPv4-only VPC.</summary>
    public string? SubnetIpv6Cidr(SubnetTier tier, int zone)
    {
        if (Ipv6Cidr is null)
        {
            return null;
        }

        // "2a05:d018:1234:5600::/56" -> "2a05:d018:1234:56xx::/64"
        var groups = Ipv6Cidr[..Ipv6Cidr.IndexOf("::", StringComparison.Ordinal)].Split(':');
        var third = Convert.ToInt32(groups[3], 16) | ((int)tier * 4 + zone);
        return $"{groups[0]}:{groups[1]}:{groups[2]}:{third:x}::/64";
    }

    /// <summary>Security group ids are named so that another account (across a peering) can refer to them.</summary>
    public string SecurityGroupId(string name) => Ids.Ec2("sg", "sg:" + name, Index);

    public override string ToString() => $"{Name} ({Id}, {Cidr})";
}
