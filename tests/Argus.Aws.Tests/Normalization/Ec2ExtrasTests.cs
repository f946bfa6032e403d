using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Aws.Operations;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.SampleDocuments;

namespace Argus.Aws.Tests.Normalization;

/// <summary>The EC2 and Direct Connect resources the real fixtures do not have.</summary>
public sealed class Ec2ExtrasTests
{
    private const string Ec2 = "arn:aws:ec2:eu-west-1:111111111111:";

    private static Normalized Load() => Normalized.Of("eu-west-1", Ec2Extras());

    [Fact]
    public void Each_resource_is_one_asset_of_its_type()
    {
        var n = Load();

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal([Ec2 + "egress-only-internet-gateway/eigw-0a"], n.Ids(AwsAssetTypes.EgressOnlyInternetGateway));
        Assert.Equal([Ec2 + "vpc-endpoint/vpce-0api", Ec2 + "vpc-endpoint/vpce-0s3"], n.Ids(AwsAssetTypes.VpcEndpoint));
        Assert.Equal([Ec2 + "elastic-ip/eipalloc-0a", Ec2 + "elastic-ip/eipalloc-0spare"], n.Ids(AwsAssetTypes.ElasticIp));
        Assert.Equal([Ec2 + "flow-log/fl-0eni", Ec2 + "flow-log/fl-0vpc"], n.Ids(AwsAssetTypes.FlowLog));
        Assert.Equal([Ec2 + "volume/vol-0a", Ec2 + "volume/vol-0spare"], n.Ids(AwsAssetTypes.Volume));
        Assert.Equal(["arn:aws:directconnect::111111111111:dx-gateway/" + DxGatewayId], n.Ids(AwsAssetTypes.DirectConnectGateway));

        // AWS-managed prefix lists keep the ARN AWS gives them ("aws" as the owner).
        Assert.Equal([Ec2 + "prefix-list/pl-0corp", "arn:aws:ec2:eu-west-1:aws:prefix-list/pl-6da54004"], n.Ids(AwsAssetTypes.ManagedPrefixList));
        Assert.Equal("com.amazonaws.eu-west-1.s3", n.Asset("arn:aws:ec2:eu-west-1:aws:prefix-list/pl-6da54004").Name);
    }

    [Fact]
    public void The_region_asset_is_the_regions_own_describe_regions_item()
    {
        var n = Load();
        var region = n.Asset(AwsArns.Region("aws", "111111111111", "eu-west-1"));

        Assert.Equal((AwsAssetTypes.Region, "eu-west-1", "eu-west-1"), (region.Type, region.Name, region.Region));
        using var properties = JsonDocument.Parse(region.Properties);
        Assert.Equal("ec2.eu-west-1.amazonaws.com", properties.RootElement.GetProperty("Endpoint").GetString());
        Assert.Single(n.OfType(AwsAssetTypes.Region));
    }

    [Fact]
    public void Relations_of_endpoints_addresses_flow_logs_and_gateways()
    {
        var n = Load();
        var api = Ec2 + "vpc-endpoint/vpce-0api";

        Assert.Equal([Ec2 + "vpc/vpc-0a"], n.Targets(api, RelationKinds.In));
        Assert.Equal([Ec2 + "security-group/sg-0api"], n.Targets(api, RelationKinds.ProtectedBy));
        n.AssertRelation(Ec2 + "network-interface/eni-0vpce", RelationKinds.AttachedTo, api);
        Assert.Equal([Ec2 + "instance/i-0a", Ec2 + "network-interface/eni-0a"], n.Targets(Ec2 + "elastic-ip/eipalloc-0a", RelationKinds.AttachedTo));
        Assert.Empty(n.Targets(Ec2 + "elastic-ip/eipalloc-0spare", RelationKinds.AttachedTo));
        Assert.Equal([Ec2 + "vpc/vpc-0a"], n.Targets(Ec2 + "flow-log/fl-0vpc", RelationKinds.AttachedTo));
        Assert.Equal([Ec2 + "network-interface/eni-0a"], n.Targets(Ec2 + "flow-log/fl-0eni", RelationKinds.AttachedTo));
        Assert.Equal([Ec2 + "vpc/vpc-0a"], n.Targets(Ec2 + "egress-only-internet-gateway/eigw-0a", RelationKinds.AttachedTo));
        Assert.Equal(["arn:aws:directconnect::111111111111:dx-gateway/" + DxGatewayId], n.Targets(Ec2 + "vpn-gateway/vgw-0a", RelationKinds.AttachedTo));
    }

    [Fact]
    public void Volume_and_interface_attachments_come_from_one_source()
    {
        var n = Load();

        // Volumes were collected, so the instance's block device mapping does not add the relation again.
        Assert.Equal([Ec2 + "volume/vol-0a"], n.Sources(RelationKinds.AttachedTo, Ec2 + "instance/i-0a").Where(s => s.Contains(":volume/", StringComparison.Ordinal)));

        // Interfaces were not, so the instance's own list relates them.
        n.AssertRelation(Ec2 + "network-interface/eni-0a", RelationKinds.AttachedTo, Ec2 + "instance/i-0a");
        Assert.Equal("api-1", n.Asset(Ec2 + "instance/i-0a").Name);
    }

    [Fact]
    public void Prefix_list_entries_are_merged_into_the_list()
    {
        var n = Load();
        using var properties = JsonDocument.Parse(n.Asset(Ec2 + "prefix-list/pl-0corp").Properties);

        Assert.Equal("198.51.100.0/24", properties.RootElement.GetProperty("Entries")[0].GetProperty("Cidr").GetString());
        Assert.Equal("corp", properties.RootElement.GetProperty("PrefixListName").GetString());
    }

    [Theory]
    [InlineData("us-gov-west-1", "aws-us-gov")]
    [InlineData("cn-north-1", "aws-cn")]
    [InlineData("eu-west-1", "aws")]
    public void The_region_decides_the_partition(string region, string partition)
    {
        var n = Normalized.Of(region, Normalized.Doc(AwsOperations.DescribeVpcs, """{"Vpcs": [{"VpcId": "vpc-0a", "OwnerId": "111111111111", "CidrBlock": "10.0.0.0/16"}]}""", region: region));

        Assert.Equal([$"arn:{partition}:ec2:{region}:111111111111:vpc/vpc-0a"], n.Ids(AwsAssetTypes.Vpc));
        n.AssertRelation($"arn:{partition}:::account/111111111111", RelationKinds.Contains, $"arn:{partition}:ec2:{region}:111111111111:vpc/vpc-0a");
    }

    [Fact]
    public void A_shared_subnet_keeps_its_owner_and_references_reach_it()
    {
        var n = Normalized.Of("eu-west-1",
            Normalized.Doc(AwsOperations.DescribeSubnets, """{"Subnets": [{"SubnetId": "subnet-0shared", "VpcId": "vpc-0owner", "OwnerId": "999999999999", "CidrBlock": "10.0.1.0/24"}]}""", region: "eu-west-1"),
            Normalized.Doc(AwsOperations.DescribeNetworkInterfaces, """{"NetworkInterfaces": [{"NetworkInterfaceId": "eni-0mine", "SubnetId": "subnet-0shared", "VpcId": "vpc-0owner", "OwnerId": "111111111111", "Groups": []}]}""", region: "eu-west-1"));
        var subnet = "arn:aws:ec2:eu-west-1:999999999999:subnet/subnet-0shared";

        Assert.Equal("999999999999", n.Asset(subnet).Account);
        n.AssertRelation("arn:aws:ec2:eu-west-1:999999999999:vpc/vpc-0owner", RelationKinds.Contains, subnet);
        Assert.Equal([subnet], n.Targets(Ec2 + "network-interface/eni-0mine", RelationKinds.In));
    }
}
