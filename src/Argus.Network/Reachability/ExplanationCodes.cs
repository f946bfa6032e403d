namespace Argus.Network.Reachability;

/// <summary>Why traffic stops. Names follow AWS Reachability Analyzer's explanation codes where one exists.</summary>
public static class ExplanationCodes
{
    public const string SecurityGroupRulesMismatch = "ENI_SG_RULES_MISMATCH";
    public const string LoadBalancerSecurityGroupRulesMismatch = "ELB_SG_RULES_MISMATCH";
    public const string SubnetAclRestriction = "SUBNET_ACL_RESTRICTION";
    public const string NoRouteToDestination = "NO_ROUTE_TO_DESTINATION";
    public const string BlackholeRoute = "BLACKHOLE_ROUTE";
    public const string AddressNotAssigned = "ADDRESS_NOT_ASSIGNED";
    public const string NoPublicAddress = "ENI_NO_PUBLIC_ADDRESS";
    public const string NoInternetGateway = "IGW_NOT_ATTACHED";
    public const string PrivateAddressOnInternet = "PRIVATE_ADDRESS_NOT_INTERNET_ROUTABLE";
    public const string EgressOnlyGatewayInbound = "EGRESS_ONLY_IGW_INBOUND";
    public const string NatGatewayUnavailable = "NAT_GATEWAY_NOT_AVAILABLE";
    public const string PeeringNotActive = "PCX_NOT_ACTIVE";
    public const string PeeringNotTransitive = "PCX_NOT_TRANSITIVE";
    public const string TransitGatewayNotAttached = "TGW_ATTACHMENT_MISSING";
    public const string TransitGatewayAttachmentNotAssociated = "TGW_ATTACH_NO_ROUTE_TABLE";
    public const string SourceDestinationCheck = "ENI_SOURCE_DEST_CHECK";
    public const string AsymmetricReturn = "ASYMMETRIC_RETURN_PATH";
    public const string AddressFamilyMismatch = "ADDRESS_FAMILY_MISMATCH";
    public const string LoopDetected = "ROUTING_LOOP";
    public const string FirewallRuleDrop = "NETWORK_FIREWALL_RULE_DROP";
    public const string FirewallDefaultDrop = "NETWORK_FIREWALL_DEFAULT_DROP";
    public const string NotCollected = "NOT_COLLECTED";
    public const string NotModelled = "NOT_MODELLED";
}
