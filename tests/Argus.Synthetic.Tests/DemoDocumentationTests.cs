using System.Text.Json;
using Argus.Core.Model;
using Argus.Tests;
using static Argus.Synthetic.Tests.GeneratedOrganization;

namespace Argus.Synthetic.Tests;

/// <summary>docs/demo-environment.md names the resources the demo (seed 42) really has.</summary>
public sealed class DemoDocumentationTests
{
    private const string Region = "eu-west-1";

    private readonly GeneratedOrganization demo = GeneratedOrganization.Of("demo");

    private readonly string page = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "demo-environment.md"));

    private IEnumerable<JsonElement> Instances(string account, string region = Region) =>
        demo.Items(account, region, "DescribeInstances", "Reservations").SelectMany(r => r.GetProperty("Instances").EnumerateArray());

    private string Named(string account, string operation, string key, string name, string id, string region = Region) =>
        Str(demo.Items(account, region, operation, key).Single(i => Tag(i, "Name") == name), id);

    private string GroupId(string account, string name, string vpc) =>
        Str(demo.Items(account, Region, "DescribeSecurityGroups", "SecurityGroups").Single(g => Str(g, "GroupName") == name && Str(g, "VpcId") == vpc), "GroupId");

    [Fact]
    public void The_page_lists_every_account_with_its_id()
    {
        var management = demo.Documents.Single(d => d.Operation == "DescribeOrganization").Account;
        foreach (var account in demo.Items(management, Regions.Global, "ListAccounts", "Accounts"))
        {
            Assert.Contains($"| {Str(account, "Name")} | {Str(account, "Id")} |", page);
        }

        Assert.Contains(Str(demo.Get(management, Regions.Global, "DescribeOrganization").GetProperty("Organization"), "Id"), page);
        Assert.Contains(Str(demo.Items(management, Regions.Global, "ListRoots", "Roots").Single(), "Id"), page);
    }

    [Fact]
    public void The_page_names_the_networks_real_ids()
    {
        var hub = demo.AccountNamed("acme-network-hub");
        var management = demo.AccountNamed("acme-management");
        var ids = new List<string>
        {
            Named(demo.AccountNamed("acme-prod"), "DescribeVpcs", "Vpcs", "prod-vpc", "VpcId"),
            Named(demo.AccountNamed("acme-dev"), "DescribeVpcs", "Vpcs", "dev-vpc", "VpcId"),
            Str(demo.Items(hub, "eu-west-1", "DescribeTransitGateways", "TransitGateways").Single(), "TransitGatewayId"),
            Str(demo.Items(hub, "us-east-1", "DescribeTransitGateways", "TransitGateways").Single(), "TransitGatewayId"),
            Str(demo.Items(hub, Region, "DescribeManagedPrefixLists", "PrefixLists").Single(p => Str(p, "PrefixListName") == "corp-networks"), "PrefixListId"),
        };
        ids.AddRange(demo.Items(management, "eu-west-1", "DescribeVpcs", "Vpcs").Concat(demo.Items(management, "us-east-1", "DescribeVpcs", "Vpcs")).Select(v => Str(v, "VpcId")));
        ids.AddRange(demo.Items(demo.AccountNamed("acme-prod"), Region, "DescribeVpcPeeringConnections", "VpcPeeringConnections").Select(p => Str(p, "VpcPeeringConnectionId")));

        Assert.All(ids, id => Assert.Contains($"`{id}`", page));
        var instances = demo.RegionalGroups.Sum(g => Instances(g.Account, g.Region).Count());
        var interfaces = demo.AllItems("DescribeNetworkInterfaces", "NetworkInterfaces").Count();
        Assert.Contains($"{instances} instances and {interfaces} network interfaces in all", page);
    }

    [Fact]
    public void The_page_names_each_planted_resource_by_its_real_id()
    {
        var prod = demo.AccountNamed("acme-prod");
        var dev = demo.AccountNamed("acme-dev");
        var prodVpc = Named(prod, "DescribeVpcs", "Vpcs", "prod-vpc", "VpcId");
        var devVpc = Named(dev, "DescribeVpcs", "Vpcs", "dev-vpc", "VpcId");
        string Instance(string account, string name) => Str(Instances(account).Single(i => Tag(i, "Name") == name), "InstanceId");
        string PublicIp(string account, string name) => Str(Instances(account).Single(i => Tag(i, "Name") == name), "PublicIpAddress");
        string Key(string account, string user) => Str(demo.Get(account, Regions.Global, "ListAccessKeys", user).GetProperty("AccessKeyMetadata")[0], "AccessKeyId");

        string[] ids =
        [
            GroupId(prod, "bastion-ssh", prodVpc), Instance(prod, "bastion"),
            GroupId(dev, "rdp-admin", devVpc), Instance(dev, "dev-jump-win"),
            GroupId(prod, "payments-db", prodVpc), Instance(prod, "payments-db"),
            Named(prod, "DescribeSubnets", "Subnets", "prod-public-a", "SubnetId"),
            Named(prod, "DescribeRouteTables", "RouteTables", "prod-public", "RouteTableId"),
            Named(prod, "DescribeInternetGateways", "InternetGateways", "prod-igw", "InternetGatewayId"),
            Named(dev, "DescribeVolumes", "Volumes", "ci-scratch", "VolumeId"), Instance(dev, "dev-ci-runner-1"),
            Named(dev, "DescribeVolumes", "Volumes", "old-build-cache", "VolumeId"),
            Key(dev, "ci-legacy"), Key(prod, "deploy-bot"),
            Instance(prod, "legacy-reporting-1"),
            devVpc,
            GroupId(prod, "default", prodVpc),
        ];
        Assert.All(ids, id => Assert.Contains($"`{id}`", page));

        string[] addresses =
        [
            PublicIp(prod, "bastion"), PublicIp(dev, "dev-jump-win"), PublicIp(prod, "payments-db"),
            Named(prod, "DescribeAddresses", "Addresses", "old-ftp-eip", "PublicIp"),
        ];
        Assert.All(addresses, address => Assert.Contains(address, page));
        Assert.Contains("`acme-prod-marketing-assets`", page);
        Assert.Contains("`contractor-jsmith`", page);
        Assert.Contains("`deploy-bot`", page);
    }

    [Fact]
    public void The_page_states_where_the_coverage_gap_is()
    {
        var gap = Assert.Single(demo.Source.Gaps);

        Assert.Equal(demo.AccountNamed("acme-dev"), gap.Account);
        Assert.Contains($"acme-dev denies `{gap.Permission}` in **{gap.Region}**", page);
    }
}
