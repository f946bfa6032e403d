using Argus.Core.Model;
using Argus.Network.Addressing;
using Argus.Network.Model.Firewall;

namespace Argus.Network.Model;

/// <summary>
/// Everything the network engine knows about a snapshot, indexed once: resources by id, interfaces by address,
/// route tables by subnet and gateway, attachments by VPC. Built from raw documents in the AWS CLI's shapes;
/// read-only once built, so queries can run in parallel.
/// </summary>
public sealed class NetworkModel
{
    internal NetworkModel(Coverage coverage) => Coverage = coverage;

    public Coverage Coverage { get; }

    public IReadOnlyDictionary<string, Vpc> Vpcs => vpcs;

    public IReadOnlyDictionary<string, Subnet> Subnets => subnets;

    public IReadOnlyDictionary<string, RouteTable> RouteTables => routeTables;

    public IReadOnlyDictionary<string, NetworkInterface> Interfaces => interfaces;

    public IReadOnlyDictionary<string, Instance> Instances => instances;

    public IReadOnlyDictionary<string, SecurityGroup> SecurityGroups => securityGroups;

    public IReadOnlyDictionary<string, NetworkAcl> NetworkAcls => networkAcls;

    public IReadOnlyDictionary<string, InternetGateway> InternetGateways => internetGateways;

    public IReadOnlyDictionary<string, NatGateway> NatGateways => natGateways;

    public IReadOnlyDictionary<string, VpnGateway> VpnGateways => vpnGateways;

    public IReadOnlyDictionary<string, VpnConnection> VpnConnections => vpnConnections;

    public IReadOnlyDictionary<string, VpcPeering> Peerings => peerings;

    public IReadOnlyDictionary<string, TransitGateway> TransitGateways => transitGateways;

    /// <summary>Transit gateway attachments. A peering attachment has one id and two ends, one per gateway: use <see cref="Attachment"/>.</summary>
    public IEnumerable<TransitGatewayAttachment> TransitGatewayAttachments => attachments.Values;

    public IReadOnlyDictionary<string, TransitGatewayRouteTable> TransitGatewayRouteTables => transitRouteTables;

    public IReadOnlyDictionary<string, VpcEndpoint> Endpoints => endpoints;

    public IReadOnlyDictionary<string, LoadBalancer> LoadBalancers => loadBalancers;

    public IReadOnlyDictionary<string, TargetGroup> TargetGroups => targetGroups;

    /// <summary>Prefix lists by id; the entries are null when the snapshot does not hold them.</summary>
    public IReadOnlyDictionary<string, (string? Name, IReadOnlyList<IpPrefix>? Entries)> PrefixLists => prefixLists;

    /// <summary>AWS Network Firewalls by ARN.</summary>
    public IReadOnlyDictionary<string, NetworkFirewall> Firewalls => firewalls;

    /// <summary>Firewall policies by ARN.</summary>
    public IReadOnlyDictionary<string, FirewallPolicy> FirewallPolicies => firewallPolicies;

    /// <summary>Firewall rule groups by ARN.</summary>
    public IReadOnlyDictionary<string, FirewallRuleGroup> FirewallRuleGroups => firewallRuleGroups;

    /// <summary>The firewall whose endpoint (a <c>vpce-</c> route target) this is, with the endpoint's subnet.</summary>
    public (NetworkFirewall Firewall, string SubnetId)? FirewallEndpoint(string endpointId) =>
        firewallEndpoints.TryGetValue(endpointId, out var found) ? found : null;

    /// <summary>Directory of accounts seen, with the regions each was described in.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Accounts => accounts;

    internal readonly Dictionary<string, NetworkFirewall> firewalls = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, (NetworkFirewall, string)> firewallEndpoints = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, FirewallPolicy> firewallPolicies = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, FirewallRuleGroup> firewallRuleGroups = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, Vpc> vpcs = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, Subnet> subnets = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, RouteTable> routeTables = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, NetworkInterface> interfaces = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, Instance> instances = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, SecurityGroup> securityGroups = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, NetworkAcl> networkAcls = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, InternetGateway> internetGateways = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, NatGateway> natGateways = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, VpnGateway> vpnGateways = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, VpnConnection> vpnConnections = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, VpcPeering> peerings = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, TransitGateway> transitGateways = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, TransitGatewayAttachment> attachments = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, TransitGatewayRouteTable> transitRouteTables = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, VpcEndpoint> endpoints = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, LoadBalancer> loadBalancers = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, TargetGroup> targetGroups = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, (string? Name, IReadOnlyList<IpPrefix>? Entries)> prefixLists = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, SortedSet<string>> accounts = new(StringComparer.Ordinal);

    internal readonly Dictionary<string, string> subnetRouteTable = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> mainRouteTable = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> gatewayRouteTable = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> subnetAcl = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, string> defaultAcl = new(StringComparer.Ordinal);
    internal readonly Dictionary<(string VpcId, IpPrefix Address), string> interfaceByVpcAddress = [];
    internal readonly Dictionary<IpPrefix, List<string>> interfacesByPrivateAddress = [];
    internal readonly Dictionary<IpPrefix, string> interfaceByPublicAddress = [];
    internal readonly Dictionary<(string TransitGatewayId, string VpcId), string> attachmentByVpc = [];
    internal readonly Dictionary<string, List<string>> peeringsByVpc = new(StringComparer.Ordinal);

    /// <summary>Builds the model from a snapshot's raw documents and coverage gaps.</summary>
    /// <exception cref="Argus.Core.Import.ImportException">A document is not valid JSON.</exception>
    public static NetworkModel Build(IEnumerable<RawDocument> documents, IReadOnlyList<CoverageGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(gaps);
        return new NetworkModelBuilder(gaps).Build(documents);
    }

    /// <summary>The route table a subnet uses: its explicit association, else its VPC's main table.</summary>
    public RouteTable? RouteTableOf(Subnet subnet) =>
        subnetRouteTable.TryGetValue(subnet.Id, out var id) || mainRouteTable.TryGetValue(subnet.VpcId, out id)
            ? routeTables.GetValueOrDefault(id)
            : null;

    /// <summary>The route table associated with a gateway (an edge association), if any.</summary>
    public RouteTable? EdgeRouteTableOf(string gatewayId) =>
        gatewayRouteTable.TryGetValue(gatewayId, out var id) ? routeTables.GetValueOrDefault(id) : null;

    /// <summary>The network ACL a subnet uses: its association, else its VPC's default ACL.</summary>
    public NetworkAcl? AclOf(Subnet subnet) =>
        subnetAcl.TryGetValue(subnet.Id, out var id) || defaultAcl.TryGetValue(subnet.VpcId, out id)
            ? networkAcls.GetValueOrDefault(id)
            : null;

    /// <summary>The interface that holds a private address in a VPC.</summary>
    public NetworkInterface? InterfaceAt(string vpcId, IpPrefix address) =>
        interfaceByVpcAddress.TryGetValue((vpcId, address), out var id) ? interfaces[id] : null;

    /// <summary>Interfaces holding a private address, in any VPC (VPCs may overlap).</summary>
    public IReadOnlyList<NetworkInterface> InterfacesWithPrivateAddress(IpPrefix address) =>
        interfacesByPrivateAddress.TryGetValue(address, out var ids) ? [.. ids.Select(i => interfaces[i])] : [];

    /// <summary>The interface a public address (public IP or Elastic IP) maps to.</summary>
    public NetworkInterface? InterfaceWithPublicAddress(IpPrefix address) =>
        interfaceByPublicAddress.TryGetValue(address, out var id) ? interfaces[id] : null;

    public InternetGateway? InternetGatewayOf(string vpcId, bool egressOnly) =>
        internetGateways.Values.FirstOrDefault(g => g.EgressOnly == egressOnly && g.VpcIds.Contains(vpcId));

    public TransitGatewayAttachment? AttachmentOf(string transitGatewayId, string vpcId) =>
        attachmentByVpc.TryGetValue((transitGatewayId, vpcId), out var id) ? Attachment(transitGatewayId, id) : null;

    /// <summary>An attachment as one transit gateway sees it (the two ends of a gateway peering share an id).</summary>
    public TransitGatewayAttachment? Attachment(string transitGatewayId, string attachmentId) =>
        attachments.GetValueOrDefault(AttachmentKey(transitGatewayId, attachmentId));

    internal static string AttachmentKey(string transitGatewayId, string attachmentId) => transitGatewayId + "|" + attachmentId;

    public IEnumerable<VpcPeering> PeeringsOf(string vpcId) =>
        peeringsByVpc.TryGetValue(vpcId, out var ids) ? ids.Select(i => peerings[i]) : [];

    /// <summary>The subnet an address belongs to in a VPC.</summary>
    public Subnet? SubnetAt(string vpcId, IpPrefix address) =>
        subnets.Values.FirstOrDefault(s => s.VpcId == vpcId && s.Contains(address));
}
