using System.Text.Json;

namespace Argus.Synthetic.Tests;

/// <summary>
/// The hub's AWS Network Firewall in each region, laid out as AWS's centralized inspection design: endpoints in
/// the firewall subnets, attachment subnets routed to their zone's endpoint, firewall subnets to their zone's NAT
/// gateway, public subnets back through the endpoint; every other account and region lists no firewall.
/// </summary>
public sealed class NetworkFirewallGenerationTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("medium")]
    public void Each_hub_region_has_one_firewall_routed_per_zone_and_every_other_region_lists_none(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var lists = o.Documents.Where(d => d.Operation == "ListFirewalls").ToList();

        Assert.Equal(o.RegionalGroups.Count(), lists.Count);
        var firewalls = o.Documents.Where(d => d.Operation == "DescribeFirewall").ToList();
        Assert.Equal(lists.Count(l => o.Parsed[l].GetProperty("Firewalls").GetArrayLength() > 0), firewalls.Count);
        Assert.NotEmpty(firewalls);
        Assert.All(lists, l => Assert.True(o.Parsed[l].GetProperty("Firewalls").GetArrayLength() <= 1));

        foreach (var document in firewalls)
        {
            var root = o.Parsed[document];
            var vpc = GeneratedOrganization.Str(root.GetProperty("Firewall"), "VpcId");
            var subnets = o.Items(document.Account, document.Region, "DescribeSubnets", "Subnets").Where(s => GeneratedOrganization.Str(s, "VpcId") == vpc).ToList();
            var tables = o.Items(document.Account, document.Region, "DescribeRouteTables", "RouteTables").ToList();
            var nats = o.Items(document.Account, document.Region, "DescribeNatGateways", "NatGateways").ToList();
            var zones = root.GetProperty("FirewallStatus").GetProperty("SyncStates").EnumerateObject().ToList();
            Assert.Equal(subnets.Select(Zone).Distinct().Count(), zones.Count);

            foreach (var zone in zones)
            {
                var attachment = zone.Value.GetProperty("Attachment");
                var endpoint = GeneratedOrganization.Str(attachment, "EndpointId");
                var firewallSubnet = subnets.Single(s => GeneratedOrganization.Str(s, "SubnetId") == GeneratedOrganization.Str(attachment, "SubnetId"));
                Assert.Equal(zone.Name, Zone(firewallSubnet));
                Assert.Equal("firewall", Tag(firewallSubnet, "tier"));

                string Target(string tier, string destination)
                {
                    var subnet = subnets.Single(s => Zone(s) == zone.Name && Tag(s, "tier") == tier);
                    var table = tables.Single(t => t.GetProperty("Associations").EnumerateArray()
                        .Any(a => a.TryGetProperty("SubnetId", out var id) && id.GetString() == GeneratedOrganization.Str(subnet, "SubnetId")));
                    var route = table.GetProperty("Routes").EnumerateArray()
                        .Single(r => r.TryGetProperty("DestinationCidrBlock", out var cidr) && cidr.GetString() == destination);
                    return route.EnumerateObject().Single(p => p.Name is "GatewayId" or "NatGatewayId" or "TransitGatewayId" or "VpcEndpointId").Value.GetString()!;
                }

                var nat = nats.Single(n => GeneratedOrganization.Str(n, "VpcId") == vpc
                    && Zone(subnets.Single(s => GeneratedOrganization.Str(s, "SubnetId") == GeneratedOrganization.Str(n, "SubnetId"))) == zone.Name);
                Assert.Equal(endpoint, Target("private", "0.0.0.0/0"));
                Assert.Equal(GeneratedOrganization.Str(nat, "NatGatewayId"), Target("firewall", "0.0.0.0/0"));
                Assert.StartsWith("tgw-", Target("firewall", "10.0.0.0/8"), StringComparison.Ordinal);
                Assert.Equal(endpoint, Target("public", "10.0.0.0/8"));
                Assert.StartsWith("igw-", Target("public", "0.0.0.0/0"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_policy_forwards_to_strict_order_groups_a_5_tuple_drop_then_a_domain_allow_list()
    {
        var o = GeneratedOrganization.Of("demo");
        var policy = o.Parsed[o.Documents.First(d => d.Operation == "DescribeFirewallPolicy")].GetProperty("FirewallPolicy");

        Assert.Equal(["aws:forward_to_sfe"], Strings(policy, "StatelessDefaultActions"));
        Assert.Equal("STRICT_ORDER", GeneratedOrganization.Str(policy.GetProperty("StatefulEngineOptions"), "RuleOrder"));
        var groups = o.Documents.Where(d => d.Operation == "DescribeRuleGroup" && d.Region == "eu-west-1")
            .ToDictionary(d => d.Resource!, d => o.Parsed[d]);
        var stateful = policy.GetProperty("StatefulRuleGroupReferences").EnumerateArray()
            .OrderBy(r => r.GetProperty("Priority").GetInt32()).Select(r => groups[GeneratedOrganization.Str(r, "ResourceArn")].GetProperty("RuleGroup").GetProperty("RulesSource")).ToList();
        Assert.Equal(2, stateful.Count);
        Assert.Equal(["23", "445"], stateful[0].GetProperty("StatefulRules").EnumerateArray()
            .Select(r => r.GetProperty("Header").GetProperty("DestinationPort").GetString()!));
        Assert.Equal("ALLOWLIST", GeneratedOrganization.Str(stateful[1].GetProperty("RulesSourceList"), "GeneratedRulesType"));
        Assert.Contains(".amazonaws.com", Strings(stateful[1].GetProperty("RulesSourceList"), "Targets"));
    }

    [Fact]
    public void The_demo_page_names_the_firewall_its_endpoints_and_subnets()
    {
        var o = GeneratedOrganization.Of("demo");
        var page = File.ReadAllText(Path.Combine(Argus.Tests.TestPaths.RepositoryRoot, "docs", "demo-environment.md"));

        foreach (var document in o.Documents.Where(d => d.Operation == "DescribeFirewall"))
        {
            var root = o.Parsed[document];
            Assert.Contains($"`{GeneratedOrganization.Str(root.GetProperty("Firewall"), "FirewallName")}`", page);
            Assert.All(root.GetProperty("FirewallStatus").GetProperty("SyncStates").EnumerateObject(),
                zone => Assert.Contains($"`{GeneratedOrganization.Str(zone.Value.GetProperty("Attachment"), "EndpointId")}`", page));
            var subnets = o.Items(document.Account, document.Region, "DescribeSubnets", "Subnets")
                .Where(s => Tag(s, "tier") == "firewall").Select(s => GeneratedOrganization.Str(s, "CidrBlock"));
            Assert.All(subnets, cidr => Assert.Contains(cidr, page));
        }

        Assert.Contains($"`{o.Documents.Single(d => d.Operation == "DescribeFirewall" && d.Region == "eu-west-1").Resource}`", page);
        var dev = o.AccountNamed("acme-dev");
        var devPrivate = o.Items(dev, "eu-west-1", "DescribeRouteTables", "RouteTables").Single(t => Tag(t, "Name") == "dev-private");
        Assert.Contains($"`{GeneratedOrganization.Str(devPrivate, "RouteTableId")}`", page);
        Assert.StartsWith("tgw-", devPrivate.GetProperty("Routes").EnumerateArray()
            .Single(r => r.TryGetProperty("DestinationCidrBlock", out var c) && c.GetString() == "0.0.0.0/0").GetProperty("TransitGatewayId").GetString(), StringComparison.Ordinal);
    }

    private static string Zone(JsonElement subnet) => GeneratedOrganization.Str(subnet, "AvailabilityZone");

    private static string? Tag(JsonElement resource, string key) =>
        resource.TryGetProperty("Tags", out var tags) ? tags.EnumerateArray().Where(t => t.GetProperty("Key").GetString() == key).Select(t => t.GetProperty("Value").GetString()).FirstOrDefault() : null;

    private static List<string> Strings(JsonElement e, string key) => [.. e.GetProperty(key).EnumerateArray().Select(s => s.GetString()!)];
}
