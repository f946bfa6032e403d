using Argus.Synthetic.Catalog;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>
/// Everything in one account and region, generated in full and then written out as documents. Only one exists
/// at a time, which is what bounds the generator's memory.
/// </summary>
internal sealed class RegionModel(OrgPlan org, RegionSkeleton skeleton, IReadOnlyList<(string Name, string Id)> zones)
{
    public OrgPlan Org { get; } = org;

    public RegionSkeleton Skeleton { get; } = skeleton;

    public AccountPlan Account => Skeleton.Account;

    public AwsRegion AwsRegion => Skeleton.Region;

    public string Region => Skeleton.Region.Name;

    public TransitGatewayPlan TransitGateway => Org.TransitGateways[Skeleton.RegionIndex];

    public bool IsHub => Account.Role == AccountRole.Network;

    /// <summary>Every zone of the region, named for this account (zone names map to zone ids differently per account).</summary>
    public IReadOnlyList<(string Name, string Id)> Zones { get; } = zones;

    public List<VpcModel> Vpcs { get; } = [];

    public List<SubnetModel> Subnets { get; } = [];

    public List<RouteTableModel> RouteTables { get; } = [];

    public List<InternetGatewayModel> InternetGateways { get; } = [];

    public List<EgressOnlyGatewayModel> EgressOnlyGateways { get; } = [];

    public List<NatGatewayModel> NatGateways { get; } = [];

    public List<SecurityGroupModel> SecurityGroups { get; } = [];

    public List<NetworkAclModel> NetworkAcls { get; } = [];

    public List<NetworkInterfaceModel> Interfaces { get; } = [];

    public List<InstanceModel> Instances { get; } = [];

    public List<VolumeModel> Volumes { get; } = [];

    public List<LoadBalancerModel> LoadBalancers { get; } = [];

    public List<TargetGroupModel> TargetGroups { get; } = [];

    public List<VpcEndpointModel> Endpoints { get; } = [];

    public List<ElasticIpModel> Addresses { get; } = [];

    public List<FlowLogModel> FlowLogs { get; } = [];

    public List<PrefixListModel> PrefixLists { get; } = [];

    public List<NetworkFirewallModel> NetworkFirewalls { get; } = [];

    public IEnumerable<PeeringPlan> Peerings => Org.Peerings.Where(p => Skeleton.Vpcs.Any(p.Involves));
}
