namespace Argus.Network.Model;

/// <summary>What a VPC route sends traffic to.</summary>
public enum RouteTargetKind
{
    Local,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    TransitGateway,
    VpcPeering,
    VirtualPrivateGateway,
    GatewayEndpoint,
    Instance,
    NetworkInterface,
    /// <summary>Gateway load balancer or Network Firewall endpoints, carrier and local gateways, Cloud WAN: not modelled.</summary>
    Unmodelled,
}
