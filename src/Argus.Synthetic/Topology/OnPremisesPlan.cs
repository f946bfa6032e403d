using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Topology;

/// <summary>
/// The hub's links to the outside, in its first region: a BGP VPN from the data centre to the transit gateway,
/// a Direct Connect gateway associated with it, and a static VPN from a partner to a virtual private gateway on
/// the egress VPC.
/// </summary>
internal sealed record OnPremisesPlan(AccountPlan Owner, string Region, IdFactory Ids, VpcSkeleton EgressVpc)
{
    public const string DataCentreCidr = "192.168.0.0/16";
    public const string OfficeCidr = "172.16.0.0/16";
    public const string PartnerCidr = "172.20.0.0/16";
    public const string DataCentreAddress = "198.51.100.10";
    public const string PartnerAddress = "203.0.113.20";

    public string DataCentreGatewayId => Ids.Ec2("cgw", 0);

    public string PartnerGatewayId => Ids.Ec2("cgw", 1);

    public string DataCentreVpnId => Ids.Ec2("vpn", 0);

    public string PartnerVpnId => Ids.Ec2("vpn", 1);

    public string VirtualGatewayId => Ids.Ec2("vgw", 0);

    public string VpnAttachmentId => Ids.Ec2("tgw-attach", "tgw-attach-vpn", 0);

    public string DirectConnectAttachmentId => Ids.Ec2("tgw-attach", "tgw-attach-dx", 0);

    public string DirectConnectGatewayId => Ids.Uuid("dxgw", 0);

    public string DirectConnectAssociationId => Ids.Uuid("dxgw-assoc", 0);
}
