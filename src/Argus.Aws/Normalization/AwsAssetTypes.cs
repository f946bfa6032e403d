namespace Argus.Aws.Normalization;

/// <summary>The asset types the AWS normalizer emits (see docs/asset-types.md for sources, ids and relations).</summary>
public static class AwsAssetTypes
{
    public const string Organization = "aws.organizations.organization";
    public const string OrganizationRoot = "aws.organizations.root";
    public const string OrganizationalUnit = "aws.organizations.ou";
    public const string OrganizationAccount = "aws.organizations.account";
    public const string Account = "aws.account";
    public const string Region = "aws.ec2.region";
    public const string Vpc = "aws.ec2.vpc";
    public const string Subnet = "aws.ec2.subnet";
    public const string RouteTable = "aws.ec2.route-table";
    public const string InternetGateway = "aws.ec2.internet-gateway";
    public const string EgressOnlyInternetGateway = "aws.ec2.egress-only-internet-gateway";
    public const string NatGateway = "aws.ec2.nat-gateway";
    public const string TransitGateway = "aws.ec2.transit-gateway";
    public const string TransitGatewayAttachment = "aws.ec2.transit-gateway-attachment";
    public const string TransitGatewayRouteTable = "aws.ec2.transit-gateway-route-table";
    public const string VpcPeeringConnection = "aws.ec2.vpc-peering-connection";
    public const string VpnGateway = "aws.ec2.vpn-gateway";
    public const string VpnConnection = "aws.ec2.vpn-connection";
    public const string CustomerGateway = "aws.ec2.customer-gateway";
    public const string DirectConnectGateway = "aws.directconnect.gateway";
    public const string NetworkInterface = "aws.ec2.network-interface";
    public const string Instance = "aws.ec2.instance";
    public const string Volume = "aws.ec2.volume";
    public const string SecurityGroup = "aws.ec2.security-group";
    public const string NetworkAcl = "aws.ec2.network-acl";
    public const string ManagedPrefixList = "aws.ec2.managed-prefix-list";
    public const string VpcEndpoint = "aws.ec2.vpc-endpoint";
    public const string ElasticIp = "aws.ec2.elastic-ip";
    public const string FlowLog = "aws.ec2.flow-log";
    public const string LoadBalancer = "aws.elbv2.load-balancer";
    public const string Listener = "aws.elbv2.listener";
    public const string TargetGroup = "aws.elbv2.target-group";
    public const string Bucket = "aws.s3.bucket";
    public const string IamUser = "aws.iam.user";
    public const string IamGroup = "aws.iam.group";
    public const string IamRole = "aws.iam.role";
    public const string IamPolicy = "aws.iam.policy";
    public const string IamInstanceProfile = "aws.iam.instance-profile";
}
