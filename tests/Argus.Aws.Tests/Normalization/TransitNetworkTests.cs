using Argus.Aws.Normalization;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.SampleDocuments;

namespace Argus.Aws.Tests.Normalization;

/// <summary>Transit gateways, VPC peering and their routes, across accounts and regions.</summary>
public sealed class TransitNetworkTests
{
    private const string Local = "arn:aws:ec2:us-east-1:111111111111:";
    private const string Hub = Local + "transit-gateway/tgw-0hub";
    private const string SpokeAttachment = "arn:aws:ec2:us-east-1:333333333333:transit-gateway-attachment/tgw-attach-0spoke";
    private const string PeerAttachment = Local + "transit-gateway-attachment/tgw-attach-0peer";
    private const string VpnAttachment = Local + "transit-gateway-attachment/tgw-attach-0vpn";
    private const string Peering = "arn:aws:ec2:us-west-2:555555555555:vpc-peering-connection/pcx-0remote";

    private static Normalized Load() => Normalized.Of("us-east-1", TransitNetwork());

    [Fact]
    public void Attachments_described_by_several_answers_are_one_asset_with_one_set_of_relations()
    {
        var n = Load();

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal([Hub, "arn:aws:ec2:us-east-1:222222222222:transit-gateway/tgw-0shared"], n.Ids(AwsAssetTypes.TransitGateway));
        Assert.Equal([PeerAttachment, VpnAttachment, SpokeAttachment], n.Ids(AwsAssetTypes.TransitGatewayAttachment));
        Assert.Equal("333333333333", n.Asset(SpokeAttachment).Account);
        Assert.Equal("office vpn", n.Asset(VpnAttachment).Name);
    }

    [Fact]
    public void An_attachment_is_attached_to_its_gateway_and_to_what_it_connects()
    {
        var n = Load();

        Assert.Equal([Hub, "arn:aws:ec2:us-east-1:333333333333:vpc/vpc-0spoke"], n.Targets(SpokeAttachment, RelationKinds.AttachedTo));
        Assert.Equal(
            ["arn:aws:ec2:us-east-1:333333333333:subnet/subnet-0s1", "arn:aws:ec2:us-east-1:333333333333:subnet/subnet-0s2"],
            n.Targets(SpokeAttachment, RelationKinds.In));
        Assert.Equal(["arn:aws:ec2:eu-west-1:444444444444:transit-gateway/tgw-0far", Hub], n.Targets(PeerAttachment, RelationKinds.AttachedTo));
        Assert.Equal([Hub, Local + "vpn-connection/vpn-0office"], n.Targets(VpnAttachment, RelationKinds.AttachedTo));

        var table = Local + "transit-gateway-route-table/tgw-rtb-0hub";
        Assert.Equal([VpnAttachment, SpokeAttachment], n.Targets(table, RelationKinds.AssociatedWith));
        n.AssertRelation(Hub, RelationKinds.Contains, table);
    }

    [Fact]
    public void A_peering_requested_elsewhere_keeps_the_requester_arn_and_connects_both_vpcs()
    {
        var n = Load();
        var peering = n.Asset(Peering);

        Assert.Equal(("555555555555", "us-west-2", "to-remote"), (peering.Account, peering.Region, peering.Name));
        Assert.Equal([Local + "vpc/vpc-0local", "arn:aws:ec2:us-west-2:555555555555:vpc/vpc-0remote"], n.Targets(Peering, RelationKinds.Connects));
    }

    [Fact]
    public void Routes_reach_the_owner_arns_of_shared_and_peer_resources()
    {
        var n = Load();
        var table = Local + "route-table/rtb-0hub";

        // Two routes to the hub (IPv4 and IPv6) are one relation; the blackhole route to a deleted NAT is none.
        Assert.Equal(
            [Hub, "arn:aws:ec2:us-east-1:222222222222:transit-gateway/tgw-0shared", Peering],
            n.Targets(table, RelationKinds.RoutesTo));
        Assert.Equal([Local + "vpc/vpc-0local"], n.Targets(table, RelationKinds.AssociatedWith));
    }
}
