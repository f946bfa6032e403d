namespace Argus.Aws.Normalization;

/// <summary>The EC2 resource types, as a table.</summary>
internal static class Ec2Kinds
{
    public static readonly Ec2Kind Vpc = new(AwsAssetTypes.Vpc, "vpc", "VpcId");
    public static readonly Ec2Kind Subnet = new(AwsAssetTypes.Subnet, "subnet", "SubnetId", ArnProperty: "SubnetArn");
    public static readonly Ec2Kind RouteTable = new(AwsAssetTypes.RouteTable, "route-table", "RouteTableId");
    public static readonly Ec2Kind InternetGateway = new(AwsAssetTypes.InternetGateway, "internet-gateway", "InternetGatewayId");
    public static readonly Ec2Kind EgressOnlyInternetGateway = new(AwsAssetTypes.EgressOnlyInternetGateway, "egress-only-internet-gateway", "EgressOnlyInternetGatewayId");
    public static readonly Ec2Kind NatGateway = new(AwsAssetTypes.NatGateway, "natgateway", "NatGatewayId");
    public static readonly Ec2Kind TransitGateway = new(AwsAssetTypes.TransitGateway, "transit-gateway", "TransitGatewayId", ArnProperty: "TransitGatewayArn");
    public static readonly Ec2Kind TransitGatewayAttachment = new(AwsAssetTypes.TransitGatewayAttachment, "transit-gateway-attachment", "TransitGatewayAttachmentId");
    public static readonly Ec2Kind TransitGatewayRouteTable = new(AwsAssetTypes.TransitGatewayRouteTable, "transit-gateway-route-table", "TransitGatewayRouteTableId");
    public static readonly Ec2Kind VpcPeeringConnection = new(AwsAssetTypes.VpcPeeringConnection, "vpc-peering-connection", "VpcPeeringConnectionId");
    public static readonly Ec2Kind VpnGateway = new(AwsAssetTypes.VpnGateway, "vpn-gateway", "VpnGatewayId");
    public static readonly Ec2Kind VpnConnection = new(AwsAssetTypes.VpnConnection, "vpn-connection", "VpnConnectionId");
    public static readonly Ec2Kind CustomerGateway = new(AwsAssetTypes.CustomerGateway, "customer-gateway", "CustomerGatewayId");
    public static readonly Ec2Kind NetworkInterface = new(AwsAssetTypes.NetworkInterface, "network-interface", "NetworkInterfaceId", TagsProperty: "TagSet");
    public static readonly Ec2Kind Instance = new(AwsAssetTypes.Instance, "instance", "InstanceId");
    public static readonly Ec2Kind Volume = new(AwsAssetTypes.Volume, "volume", "VolumeId");
    public static readonly Ec2Kind SecurityGroup = new(AwsAssetTypes.SecurityGroup, "security-group", "GroupId", "GroupName", "SecurityGroupArn");
    public static readonly Ec2Kind NetworkAcl = new(AwsAssetTypes.NetworkAcl, "network-acl", "NetworkAclId");
    public static readonly Ec2Kind PrefixList = new(AwsAssetTypes.ManagedPrefixList, "prefix-list", "PrefixListId", "PrefixListName", "PrefixListArn");
    public static readonly Ec2Kind VpcEndpoint = new(AwsAssetTypes.VpcEndpoint, "vpc-endpoint", "VpcEndpointId");
    public static readonly Ec2Kind ElasticIp = new(AwsAssetTypes.ElasticIp, "elastic-ip", "AllocationId", "PublicIp");
    public static readonly Ec2Kind FlowLog = new(AwsAssetTypes.FlowLog, "flow-log", "FlowLogId");

    /// <summary>The kind of an EC2 id from its prefix (<c>igw-</c>, <c>tgw-attach-</c>...), for route targets and flow log resources.</summary>
    public static Ec2Kind? ByIdPrefix(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash <= 0 ? null : id.AsSpan(0, dash) switch
        {
            "vpc" => Vpc,
            "subnet" => Subnet,
            "rtb" => RouteTable,
            "igw" => InternetGateway,
            "eigw" => EgressOnlyInternetGateway,
            "nat" => NatGateway,
            "tgw" => TransitGateway,
            "tgw-attach" => TransitGatewayAttachment,
            "tgw-rtb" => TransitGatewayRouteTable,
            "pcx" => VpcPeeringConnection,
            "vgw" => VpnGateway,
            "vpn" => VpnConnection,
            "cgw" => CustomerGateway,
            "eni" => NetworkInterface,
            "i" => Instance,
            "vol" => Volume,
            "sg" => SecurityGroup,
            "acl" => NetworkAcl,
            "pl" => PrefixList,
            "vpce" => VpcEndpoint,
            "eipalloc" => ElasticIp,
            "fl" => FlowLog,
            _ => null,
        };
    }
}
