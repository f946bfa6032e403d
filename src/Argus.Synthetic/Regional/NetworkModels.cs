using Argus.Synthetic.Addressing;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>A VPC as generated in its own account and region.</summary>
internal sealed record VpcModel(VpcSkeleton Skeleton, string Id, string CidrAssociationId, string? Ipv6AssociationId, string DhcpOptionsId, IReadOnlyList<Tag> Tags)
{
    public string Cidr { get; } = Skeleton.Cidr.ToString();

    public bool IsDefault => Skeleton.Kind == VpcKind.Default;

    /// <summary>Filled in as the planner creates them, for the documents that list a VPC's parts.</summary>
    public List<SubnetModel> Subnets { get; } = [];
}

/// <summary>A subnet and the private addresses handed out in it.</summary>
internal sealed record SubnetModel(
    string Id,
    VpcModel Vpc,
    SubnetTier Tier,
    int Zone,
    string ZoneName,
    string ZoneId,
    Ipv4Block Block,
    string? Ipv6Cidr,
    string? Ipv6AssociationId,
    bool MapPublicIpOnLaunch,
    IReadOnlyList<Tag> Tags,
    SubnetAddresses Addresses)
{
    public string Cidr { get; } = Block.ToString();
}

/// <summary>One route; exactly one target is set, named by <paramref name="TargetKey"/> as the API names it.</summary>
internal sealed record RouteModel(string? DestinationCidr, string? DestinationIpv6Cidr, string? DestinationPrefixListId, string TargetKey, string TargetId, string Origin)
{
    public static RouteModel Local(string cidr) => new(cidr, null, null, "GatewayId", "local", "CreateRouteTable");

    public static RouteModel LocalIpv6(string cidr) => new(null, cidr, null, "GatewayId", "local", "CreateRouteTable");

    public static RouteModel To(string cidr, string key, string target) => new(cidr, null, null, key, target, "CreateRoute");

    public static RouteModel Ipv6To(string cidr, string key, string target) => new(null, cidr, null, key, target, "CreateRoute");

    public static RouteModel PrefixListTo(string prefixListId, string key, string target) => new(null, null, prefixListId, key, target, "CreateRoute");
}

internal sealed record RouteTableModel(string Id, VpcModel Vpc, bool Main, string MainAssociationId, IReadOnlyList<Tag> Tags)
{
    public List<(string SubnetId, string AssociationId)> Associations { get; } = [];

    public List<RouteModel> Routes { get; } = [];

    public List<string> PropagatingVirtualGateways { get; } = [];
}

internal sealed record InternetGatewayModel(string Id, VpcModel Vpc, IReadOnlyList<Tag> Tags);

internal sealed record EgressOnlyGatewayModel(string Id, VpcModel Vpc, IReadOnlyList<Tag> Tags);

internal sealed record NatGatewayModel(string Id, SubnetModel Subnet, NetworkInterfaceModel Interface, ElasticIpModel Address, DateTimeOffset Created, IReadOnlyList<Tag> Tags);

/// <summary>An Elastic IP; associated with an interface (and its instance, if any) or idle.</summary>
internal sealed record ElasticIpModel(string AllocationId, string PublicIp, IReadOnlyList<Tag> Tags)
{
    public NetworkInterfaceModel? Interface { get; set; }

    public string? AssociationId { get; set; }
}

internal sealed record FlowLogModel(string Id, string ResourceId, string Destination, string TrafficType, DateTimeOffset Created, IReadOnlyList<Tag> Tags);

internal sealed record PrefixListModel(string Id, string Name, string OwnerId, string Arn, int? MaxEntries, int? Version, IReadOnlyList<(string Cidr, string? Description)> Entries, IReadOnlyList<Tag> Tags);

internal sealed record VpcEndpointModel(
    string Id,
    string Type,
    string ServiceName,
    VpcModel Vpc,
    IReadOnlyList<SubnetModel> Subnets,
    IReadOnlyList<string> RouteTableIds,
    IReadOnlyList<SecurityGroupModel> Groups,
    string PolicyDocument,
    DateTimeOffset Created,
    IReadOnlyList<Tag> Tags)
{
    public List<NetworkInterfaceModel> Interfaces { get; } = [];
}
