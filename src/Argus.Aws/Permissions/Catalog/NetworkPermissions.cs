using Argus.Core.Permissions;
using static Argus.Aws.Permissions.Catalog.Declare;
using F = Argus.Core.Permissions.Features;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>What the network topology and reachability analyses read: the packet path from source to destination.</summary>
internal static class NetworkPermissions
{
    private static readonly string[] Topology = [F.Inventory, F.NetworkTopology, F.NetworkPolicy];

    // vm-scan reads the same network resources to find the scanner network it created again by tag (resume, cleanup).
    private static readonly string[] TopologyAndVmScan = [F.Inventory, F.NetworkTopology, F.NetworkPolicy, F.VmScan];
    private static readonly string[] Policy = [F.NetworkPolicy];

    public static IReadOnlyList<Permission> All { get; } =
    [
        Read("ec2:DescribeRegions", [F.Inventory, F.NetworkTopology, F.NetworkPolicy, F.Posture], "Lists the regions enabled for the account so collection visits each of them and skips those not opted in"),
        Read("ec2:DescribeAvailabilityZones", Topology, "Maps zone names to zone ids so subnets in different accounts are placed in the same physical zone"),
        Read("ec2:DescribeInstances", [F.Inventory, F.NetworkTopology, F.NetworkPolicy, F.Posture, F.VmScan], "Reads instances, their interfaces, security groups, instance profiles and metadata options (IMDSv2) to place them in the network and check their posture"),
        Read("ec2:DescribeNetworkInterfaces", Topology, "Reads every network interface, its addresses and security groups: the endpoints of every reachability path"),
        Read("ec2:DescribeVpcs", TopologyAndVmScan, "Reads VPCs and their CIDR blocks to bound each network"),
        Read("ec2:DescribeSubnets", TopologyAndVmScan, "Reads subnets and their CIDR blocks to attach each interface to its route table and network ACL"),
        Read("ec2:DescribeRouteTables", TopologyAndVmScan, "Reads route tables to follow each packet to its next hop"),
        Read("ec2:DescribeInternetGateways", TopologyAndVmScan, "Reads internet gateways to decide which subnets route to the internet"),
        Read("ec2:DescribeEgressOnlyInternetGateways", Topology, "Reads egress-only internet gateways to tell outbound-only IPv6 routes from inbound ones"),
        Read("ec2:DescribeNatGateways", Topology, "Reads NAT gateways to model outbound internet access of private subnets"),
        Read("ec2:DescribeAddresses", Topology, "Reads Elastic IP addresses to know which interfaces are reachable at a public address"),
        Read("ec2:DescribeSecurityGroups", TopologyAndVmScan, "Reads security group rules to compute which traffic each interface accepts and sends"),
        Read("ec2:DescribeSecurityGroupRules", Policy, "Reads security group rules by id so findings and remediations can name the exact rule", required: false),
        Read("ec2:DescribeNetworkAcls", Topology, "Reads network ACL rules, the stateless subnet filter on every path"),
        Read("ec2:DescribeManagedPrefixLists", Topology, "Reads managed prefix lists referenced by routes and security group rules"),
        Read("ec2:GetManagedPrefixListEntries", Topology, "Reads the CIDR entries of each prefix list so rules that reference it can be evaluated"),
        Read("ec2:DescribeVpcPeeringConnections", Topology, "Reads VPC peering connections to follow paths between VPCs and accounts"),
        Read("ec2:DescribeVpcEndpoints", Topology, "Reads VPC endpoints, their policies and security groups: private paths to AWS services"),
        Read("ec2:DescribeVpcEndpointServices", Topology, "Reads endpoint services (PrivateLink) to follow paths into other accounts' services", required: false),
        Read("ec2:DescribeVpcEndpointServiceConfigurations", Topology, "Reads the account's own PrivateLink services and whether they accept connections automatically", required: false),
        Read("ec2:DescribeVpcEndpointServicePermissions", Policy, "Reads which principals may connect to the account's PrivateLink services", required: false),
        Read("ec2:DescribeTransitGateways", Topology, "Reads transit gateways, the hubs connecting VPCs, VPNs and Direct Connect"),
        Read("ec2:DescribeTransitGatewayAttachments", Topology, "Reads what is attached to each transit gateway"),
        Read("ec2:DescribeTransitGatewayVpcAttachments", Topology, "Reads which subnets a transit gateway reaches in each VPC"),
        Read("ec2:DescribeTransitGatewayPeeringAttachments", Topology, "Reads transit gateway peering to follow paths across regions and accounts"),
        Read("ec2:DescribeTransitGatewayRouteTables", Topology, "Reads transit gateway route tables, the routing between attached networks"),
        Read("ec2:GetTransitGatewayRouteTableAssociations", Topology, "Reads which attachment uses which transit gateway route table"),
        Read("ec2:GetTransitGatewayRouteTablePropagations", Topology, "Reads which attachments propagate routes into each transit gateway route table"),
        Read("ec2:SearchTransitGatewayRoutes", Topology, "Reads the routes of each transit gateway route table (there is no describe call for them)"),
        Read("ec2:DescribeVpnGateways", Topology, "Reads virtual private gateways, the AWS end of site-to-site VPNs"),
        Read("ec2:DescribeVpnConnections", Topology, "Reads site-to-site VPN connections and their static routes: paths to on-premises networks"),
        Read("ec2:DescribeCustomerGateways", Topology, "Reads customer gateways, the on-premises end of each VPN"),
        Read("ec2:DescribeFlowLogs", [F.Inventory, F.NetworkTopology, F.NetworkFlowLogs, F.Posture], "Reads which VPCs, subnets and interfaces have flow logs and where they are delivered"),
        Read("directconnect:DescribeDirectConnectGateways", Topology, "Reads Direct Connect gateways: paths to on-premises networks", required: false),
        Read("directconnect:DescribeDirectConnectGatewayAssociations", Topology, "Reads which virtual or transit gateways each Direct Connect gateway is associated with and the prefixes it allows", required: false),
        Read("directconnect:DescribeVirtualInterfaces", Topology, "Reads Direct Connect virtual interfaces and the prefixes they advertise", required: false),
        Read("elasticloadbalancing:DescribeLoadBalancers", Topology, "Reads load balancers, their scheme (internet-facing or internal), subnets and security groups"),
        Read("elasticloadbalancing:DescribeListeners", Topology, "Reads listeners: the ports and protocols each load balancer accepts"),
        Read("elasticloadbalancing:DescribeRules", Policy, "Reads listener rules to know which target group each request reaches", required: false),
        Read("elasticloadbalancing:DescribeTargetGroups", Topology, "Reads target groups: where load balancers forward traffic"),
        Read("elasticloadbalancing:DescribeTargetHealth", Topology, "Reads the registered targets of each target group, the instances and addresses a load balancer reaches"),
        Read("elasticloadbalancing:DescribeTags", [F.Inventory], "Reads load balancer and target group tags for the inventory"),
        Read("network-firewall:ListFirewalls", Topology, "Lists AWS Network Firewall firewalls, which filter traffic on routed paths", required: false),
        Read("network-firewall:DescribeFirewall", Topology, "Reads each firewall's subnets, endpoints and policy", required: false),
        Read("network-firewall:DescribeFirewallPolicy", Policy, "Reads firewall policies to know which rule groups and default actions apply", required: false),
        Read("network-firewall:DescribeRuleGroup", Policy, "Reads firewall rule groups to evaluate which traffic a firewall passes or drops", required: false),
    ];
}
