using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Core.Model;
using Argus.Tests;

namespace Argus.Aws.Tests.Normalization;

/// <summary>The normalizer on real <c>aws ec2 describe-*</c> output (the fixtures' facts were read from their JSON).</summary>
public sealed class Ec2FixtureTests
{
    private const string Owner = "554773406868";
    private const string Prefix = "arn:aws:ec2:us-east-2:554773406868:";

    private static Normalized Load(string name) => Normalized.Of(FixtureGroup.Load(TestPaths.Fixture("aws-network", name, "aws_configs")));

    private static string Arn(string resource) => Prefix + resource;

    [Fact]
    public void Nat_gateway_fixture_has_every_resource_once_with_arn_ids()
    {
        var n = Load("test-nat-gateway");

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal(23, n.Assets.Count);
        Assert.Equal([Arn("vpc/vpc-0008a7b45e3ddf1dd")], n.Ids(AwsAssetTypes.Vpc));
        Assert.Equal(
            [Arn("subnet/subnet-02ff259e663e9613e"), Arn("subnet/subnet-0428892a357fa1f94"), Arn("subnet/subnet-06f469bcee42e408e")],
            n.Ids(AwsAssetTypes.Subnet));
        Assert.Equal(3, n.OfType(AwsAssetTypes.RouteTable).Count);
        Assert.Equal(4, n.OfType(AwsAssetTypes.NetworkInterface).Count);
        Assert.Equal(3, n.OfType(AwsAssetTypes.Instance).Count);
        Assert.Equal(3, n.OfType(AwsAssetTypes.SecurityGroup).Count);
        Assert.Equal(2, n.OfType(AwsAssetTypes.NetworkAcl).Count);
        Assert.Equal([Arn("natgateway/nat-07ab4846da51f4612")], n.Ids(AwsAssetTypes.NatGateway));
        Assert.Equal([Arn("internet-gateway/igw-071753b9c23d8a9b2")], n.Ids(AwsAssetTypes.InternetGateway));
        Assert.All(n.Assets, a => Assert.Equal(Owner, a.Account));
    }

    [Fact]
    public void Nat_gateway_fixture_relations_follow_the_json()
    {
        var n = Load("test-nat-gateway");
        var vpc = Arn("vpc/vpc-0008a7b45e3ddf1dd");
        var publicSubnet = Arn("subnet/subnet-0428892a357fa1f94");
        var nat = Arn("natgateway/nat-07ab4846da51f4612");
        var igw = Arn("internet-gateway/igw-071753b9c23d8a9b2");

        n.AssertRelation(AwsArns.Account("aws", Owner), RelationKinds.Contains, vpc);
        Assert.Equal(3, n.Targets(vpc, RelationKinds.Contains).Count(t => t.Contains(":subnet/", StringComparison.Ordinal)));
        n.AssertRelation(publicSubnet, RelationKinds.In, vpc);

        // The NAT gateway lives in "Public Subnet", and its own interface is attached to it.
        Assert.Equal([publicSubnet], n.Targets(nat, RelationKinds.In));
        n.AssertRelation(Arn("network-interface/eni-017aaec115610308a"), RelationKinds.AttachedTo, nat);
        n.AssertRelation(igw, RelationKinds.AttachedTo, vpc);

        // rtb-0ddf... sends 0.0.0.0/0 to the IGW from the public subnet; rtb-02fe... sends it to the NAT from subnet 1;
        // the main table only has the local route and stands for its VPC.
        var publicTable = Arn("route-table/rtb-0ddf14681733ed0b7");
        var privateTable = Arn("route-table/rtb-02fe228b42de92a7c");
        var mainTable = Arn("route-table/rtb-0e169c4a1e0b27b55");
        Assert.Equal([publicTable], n.Sources(RelationKinds.RoutesTo, igw));
        Assert.Equal([privateTable], n.Sources(RelationKinds.RoutesTo, nat));
        Assert.Equal([publicSubnet], n.Targets(publicTable, RelationKinds.AssociatedWith));
        Assert.Equal([Arn("subnet/subnet-06f469bcee42e408e")], n.Targets(privateTable, RelationKinds.AssociatedWith));
        Assert.Equal([vpc], n.Targets(mainTable, RelationKinds.AssociatedWith));
        Assert.Empty(n.Targets(mainTable, RelationKinds.RoutesTo));

        // Every instance and its interface are in sg-0253... ("vpc_a_jump"); the jump host sits in the public subnet.
        var jumpHost = Arn("instance/i-0b31b509174d7f5de");
        var jumpGroup = Arn("security-group/sg-0253af84ae6485905");
        Assert.Equal([jumpGroup], n.Targets(jumpHost, RelationKinds.ProtectedBy));
        Assert.Equal([publicSubnet], n.Targets(jumpHost, RelationKinds.In));
        Assert.Equal(6, n.Sources(RelationKinds.ProtectedBy, jumpGroup).Count);
        n.AssertRelation(Arn("network-interface/eni-068fb5a0a9a57f23c"), RelationKinds.AttachedTo, jumpHost);
        n.AssertRelation(Arn("volume/vol-0916e2f3289f532e1"), RelationKinds.AttachedTo, jumpHost);

        // acl-0380... covers subnets 1 and 20.
        Assert.Equal(
            [Arn("subnet/subnet-02ff259e663e9613e"), Arn("subnet/subnet-06f469bcee42e408e")],
            n.Targets(Arn("network-acl/acl-0380e24eb934b075e"), RelationKinds.AssociatedWith));
    }

    [Fact]
    public void Names_come_from_the_name_tag_else_the_natural_name()
    {
        var n = Load("test-nat-gateway");

        Assert.Equal("Jump Host", n.Asset(Arn("instance/i-0b31b509174d7f5de")).Name);
        Assert.Equal("vpc_a", n.Asset(Arn("vpc/vpc-0008a7b45e3ddf1dd")).Name);
        Assert.Equal("Public Subnet", n.Asset(Arn("subnet/subnet-0428892a357fa1f94")).Name);
        Assert.Equal("default", n.Asset(Arn("security-group/sg-0010bf850022667c2")).Name);
        Assert.Equal("nat-07ab4846da51f4612", n.Asset(Arn("natgateway/nat-07ab4846da51f4612")).Name);
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "vpc_a_jump" }, n.Asset(Arn("security-group/sg-0253af84ae6485905")).Tags);
        Assert.Equal("us-east-2", n.Asset(Arn("vpc/vpc-0008a7b45e3ddf1dd")).Region);
    }

    [Fact]
    public void Properties_are_the_item_as_compact_json()
    {
        var n = Load("test-nat-gateway");
        var vpc = n.Asset(Arn("vpc/vpc-0008a7b45e3ddf1dd"));

        Assert.DoesNotContain("\n", vpc.Properties, StringComparison.Ordinal);
        using var properties = JsonDocument.Parse(vpc.Properties);
        Assert.Equal("10.1.0.0/16", properties.RootElement.GetProperty("CidrBlock").GetString());
        Assert.False(properties.RootElement.GetProperty("IsDefault").GetBoolean());
        Assert.Equal("vpc-0008a7b45e3ddf1dd", properties.RootElement.GetProperty("VpcId").GetString());
    }

    [Fact]
    public void Public_private_fixture_routes_the_main_table_to_the_vpn_gateway()
    {
        var n = Load("test-public-private-subnet");
        var vpc = Arn("vpc/vpc-0b966fdeb36d5e43f");
        var vgw = Arn("vpn-gateway/vgw-070087240d6fa2989");
        var vpn = Arn("vpn-connection/vpn-05044757278685fd3");

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal(19, n.Assets.Count);
        Assert.Equal([Arn("route-table/rtb-002f0eabf583bf991")], n.Sources(RelationKinds.RoutesTo, vgw));
        Assert.Equal([vpc], n.Targets(Arn("route-table/rtb-002f0eabf583bf991"), RelationKinds.AssociatedWith));
        Assert.Equal([Arn("route-table/rtb-0d20fcae075afe460")], n.Sources(RelationKinds.RoutesTo, Arn("internet-gateway/igw-0eac198308206c358")));
        Assert.Equal([Arn("subnet/subnet-0cf7a93fbd779f3a3")], n.Targets(Arn("route-table/rtb-0d20fcae075afe460"), RelationKinds.AssociatedWith));
        n.AssertRelation(vgw, RelationKinds.AttachedTo, vpc);
        n.AssertRelation(vpn, RelationKinds.AttachedTo, vgw);
        n.AssertRelation(vpn, RelationKinds.Connects, Arn("customer-gateway/cgw-0e0d620a3ae284684"));
    }

    [Fact]
    public void Vpn_connection_properties_never_carry_the_pre_shared_keys()
    {
        var n = Load("test-public-private-subnet");
        var vpn = n.Asset(Arn("vpn-connection/vpn-05044757278685fd3"));

        Assert.DoesNotContain("CustomerGatewayConfiguration", vpn.Properties, StringComparison.Ordinal);
        Assert.DoesNotContain("k1TInAs3HRuiwr3Nosj4kbtsHGi3pJfN", vpn.Properties, StringComparison.Ordinal);
        Assert.Contains("\"VgwTelemetry\"", vpn.Properties, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_private_fixture_places_each_instance_behind_its_own_group()
    {
        var n = Load("test-public-private-subnet");
        var web = Arn("instance/i-094a9e5b545a4fde4");
        var backend = Arn("instance/i-099cf38911942421c");

        Assert.Equal([Arn("security-group/sg-0662342465612f419")], n.Targets(web, RelationKinds.ProtectedBy));
        Assert.Equal([Arn("subnet/subnet-0cf7a93fbd779f3a3")], n.Targets(web, RelationKinds.In));
        Assert.Equal([Arn("security-group/sg-063f2bb51713c3236")], n.Targets(backend, RelationKinds.ProtectedBy));
        Assert.Equal([Arn("subnet/subnet-0f263105946ad1a1d")], n.Targets(backend, RelationKinds.In));
        Assert.Equal([web], n.Targets(Arn("network-interface/eni-09da8cad43844dc1f"), RelationKinds.AttachedTo));
        Assert.Equal([backend], n.Targets(Arn("volume/vol-0d7a9416139ce75da"), RelationKinds.AttachedTo));
        Assert.Equal("Private subnet", n.Asset(Arn("subnet/subnet-0f263105946ad1a1d")).Name);
    }

    [Fact]
    public void Public_subnet_fixture_has_one_public_route_and_the_account_and_region()
    {
        var n = Load("test-public-subnet");
        var account = AwsArns.Account("aws", Owner);
        var region = AwsArns.Region("aws", Owner, "us-east-2");

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal(12, n.Assets.Count);
        Assert.Equal(AwsAssetTypes.Account, n.Asset(account).Type);
        Assert.Equal(AwsAssetTypes.Region, n.Asset(region).Type);
        n.AssertRelation(account, RelationKinds.Contains, region);
        Assert.Equal("vpc-0672bce73895d7252", n.Asset(Arn("vpc/vpc-0672bce73895d7252")).Name);
        Assert.Equal([Arn("route-table/rtb-0489000c9e6c299e8")], n.Sources(RelationKinds.RoutesTo, Arn("internet-gateway/igw-0a409e562d251f766")));
        Assert.Equal([Arn("security-group/sg-09ccba6656672061b")], n.Targets(Arn("instance/i-06669a407b2ef3ae5"), RelationKinds.ProtectedBy));
        Assert.Equal([Arn("subnet/subnet-0bb82ae8b3ea5dc78")], n.Targets(Arn("network-acl/acl-0d9449710ec85473c"), RelationKinds.AssociatedWith));
    }
}
