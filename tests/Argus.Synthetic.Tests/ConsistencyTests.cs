using System.Net;
using System.Text.Json;
using Argus.Core.Model;
using static Argus.Synthetic.Tests.GeneratedOrganization;

namespace Argus.Synthetic.Tests;

/// <summary>Every id a document refers to exists where AWS would have it; addresses fit their networks.</summary>
public sealed class ConsistencyTests
{
    public static TheoryData<string> Presets => new() { "demo", "medium" };

    private static HashSet<string> Ids(GeneratedOrganization o, string account, string region, string operation, string key, string id) =>
        o.Items(account, region, operation, key).Select(i => Str(i, id)).ToHashSet();

    [Theory]
    [MemberData(nameof(Presets))]
    public void Interfaces_sit_in_existing_subnets_vpcs_and_groups_with_addresses_inside_their_subnet(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var checkedInterfaces = 0;
        foreach (var (account, region) in o.RegionalGroups)
        {
            var subnets = o.Items(account, region, "DescribeSubnets", "Subnets").ToDictionary(s => Str(s, "SubnetId"));
            var vpcs = Ids(o, account, region, "DescribeVpcs", "Vpcs", "VpcId");
            var groups = Ids(o, account, region, "DescribeSecurityGroups", "SecurityGroups", "GroupId");
            var addresses = new HashSet<string>();
            foreach (var eni in o.Items(account, region, "DescribeNetworkInterfaces", "NetworkInterfaces"))
            {
                var subnet = subnets[Str(eni, "SubnetId")];
                Assert.Contains(Str(eni, "VpcId"), vpcs);
                Assert.Equal(Str(subnet, "VpcId"), Str(eni, "VpcId"));
                Assert.Equal(Str(subnet, "AvailabilityZone"), Str(eni, "AvailabilityZone"));
                Assert.Equal(account, Str(eni, "OwnerId"));
                Assert.All(eni.GetProperty("Groups").EnumerateArray(), g => Assert.Contains(Str(g, "GroupId"), groups));
                var ip = Str(eni, "PrivateIpAddress");
                Assert.True(IPNetwork.Parse(Str(subnet, "CidrBlock")).Contains(IPAddress.Parse(ip)), $"{ip} is outside {Str(subnet, "CidrBlock")}");
                Assert.True(addresses.Add(Str(eni, "VpcId") + "/" + ip), $"{ip} is used twice in {Str(eni, "VpcId")}");
                checkedInterfaces++;
            }
        }

        Assert.True(checkedInterfaces > 50);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Instances_agree_with_their_interfaces_volumes_and_instance_profiles(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        foreach (var (account, region) in o.RegionalGroups)
        {
            var interfaces = o.Items(account, region, "DescribeNetworkInterfaces", "NetworkInterfaces").ToDictionary(e => Str(e, "NetworkInterfaceId"));
            var volumes = o.Items(account, region, "DescribeVolumes", "Volumes").ToDictionary(v => Str(v, "VolumeId"));
            var profiles = o.Items(account, Regions.Global, "ListInstanceProfiles", "InstanceProfiles").ToDictionary(p => Str(p, "Arn"), p => Str(p, "InstanceProfileId"));
            var instanceIds = new HashSet<string>();
            foreach (var instance in o.Items(account, region, "DescribeInstances", "Reservations").SelectMany(r => r.GetProperty("Instances").EnumerateArray()))
            {
                var id = Str(instance, "InstanceId");
                instanceIds.Add(id);
                var nic = Assert.Single(instance.GetProperty("NetworkInterfaces").EnumerateArray());
                var eni = interfaces[Str(nic, "NetworkInterfaceId")];
                Assert.Equal(id, Str(eni.GetProperty("Attachment"), "InstanceId"));
                Assert.Equal(Str(instance, "SubnetId"), Str(eni, "SubnetId"));
                Assert.Equal(Str(instance, "PrivateIpAddress"), Str(eni, "PrivateIpAddress"));
                Assert.Equal(Str(nic, "MacAddress"), Str(eni, "MacAddress"));
                Assert.Equal(
                    instance.GetProperty("SecurityGroups").EnumerateArray().Select(g => Str(g, "GroupId")),
                    eni.GetProperty("Groups").EnumerateArray().Select(g => Str(g, "GroupId")));
                Assert.Equal(
                    instance.TryGetProperty("PublicIpAddress", out var publicIp) ? publicIp.GetString() : null,
                    eni.TryGetProperty("Association", out var association) ? Str(association, "PublicIp") : null);
                foreach (var mapping in instance.GetProperty("BlockDeviceMappings").EnumerateArray())
                {
                    var volume = volumes[Str(mapping.GetProperty("Ebs"), "VolumeId")];
                    var attachment = Assert.Single(volume.GetProperty("Attachments").EnumerateArray());
                    Assert.Equal(id, Str(attachment, "InstanceId"));
                    Assert.Equal(Str(mapping, "DeviceName"), Str(attachment, "Device"));
                    Assert.Equal(Str(instance.GetProperty("Placement"), "AvailabilityZone"), Str(volume, "AvailabilityZone"));
                }

                if (instance.TryGetProperty("IamInstanceProfile", out var profile))
                {
                    Assert.Equal(profiles[Str(profile, "Arn")], Str(profile, "Id"));
                }
            }

            foreach (var eni in interfaces.Values.Where(e => e.TryGetProperty("Attachment", out var a) && a.TryGetProperty("InstanceId", out _)))
            {
                Assert.Contains(Str(eni.GetProperty("Attachment"), "InstanceId"), instanceIds);
            }

            foreach (var volume in volumes.Values)
            {
                Assert.All(volume.GetProperty("Attachments").EnumerateArray(), a => Assert.Contains(Str(a, "InstanceId"), instanceIds));
                Assert.Equal(volume.GetProperty("Encrypted").GetBoolean(), volume.TryGetProperty("KmsKeyId", out _));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Vpc_cidrs_never_overlap_in_the_routing_domain_and_subnets_fit_their_vpc(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var routed = new List<(string Id, IPNetwork Cidr)>();
        foreach (var (document, vpc) in o.AllItems("DescribeVpcs", "Vpcs"))
        {
            var cidr = IPNetwork.Parse(Str(vpc, "CidrBlock"));
            var subnets = o.Items(document.Account, document.Region, "DescribeSubnets", "Subnets").Where(s => Str(s, "VpcId") == Str(vpc, "VpcId")).Select(s => IPNetwork.Parse(Str(s, "CidrBlock"))).ToList();
            Assert.NotEmpty(subnets);
            Assert.All(subnets, s => Assert.True(cidr.Contains(s.BaseAddress) && s.PrefixLength >= cidr.PrefixLength, $"{s} is outside {cidr}"));
            Assert.False(subnets.Any(a => subnets.Any(b => !a.Equals(b) && Overlap(a, b))), $"subnets of {Str(vpc, "VpcId")} overlap");
            if (!vpc.GetProperty("IsDefault").GetBoolean())
            {
                routed.Add((Str(vpc, "VpcId"), cidr));
            }
        }

        for (var i = 0; i < routed.Count; i++)
        {
            for (var j = i + 1; j < routed.Count; j++)
            {
                Assert.False(Overlap(routed[i].Cidr, routed[j].Cidr), $"{routed[i].Id} {routed[i].Cidr} overlaps {routed[j].Id} {routed[j].Cidr}");
            }
        }
    }

    private static bool Overlap(IPNetwork a, IPNetwork b) => a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress);

    [Theory]
    [MemberData(nameof(Presets))]
    public void Routes_point_at_gateways_that_exist_and_every_subnet_has_one_table(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        foreach (var (account, region) in o.RegionalGroups)
        {
            var targets = new Dictionary<string, HashSet<string>>
            {
                ["igw-"] = Ids(o, account, region, "DescribeInternetGateways", "InternetGateways", "InternetGatewayId"),
                ["nat-"] = Ids(o, account, region, "DescribeNatGateways", "NatGateways", "NatGatewayId"),
                ["tgw-"] = Ids(o, account, region, "DescribeTransitGateways", "TransitGateways", "TransitGatewayId"),
                ["pcx-"] = Ids(o, account, region, "DescribeVpcPeeringConnections", "VpcPeeringConnections", "VpcPeeringConnectionId"),
                ["vpce-"] = Ids(o, account, region, "DescribeVpcEndpoints", "VpcEndpoints", "VpcEndpointId"),
                ["eigw-"] = Ids(o, account, region, "DescribeEgressOnlyInternetGateways", "EgressOnlyInternetGateways", "EgressOnlyInternetGatewayId"),
                ["vgw-"] = Ids(o, account, region, "DescribeVpnGateways", "VpnGateways", "VpnGatewayId"),
                ["pl-"] = Ids(o, account, region, "DescribeManagedPrefixLists", "PrefixLists", "PrefixListId"),
            };

            // Network Firewall endpoints are route targets too; their ids come from the firewalls' sync states.
            targets["vpce-"].UnionWith(o.Documents.Where(d => d.Account == account && d.Region == region && d.Operation == "DescribeFirewall")
                .SelectMany(d => o.Parsed[d].GetProperty("FirewallStatus").GetProperty("SyncStates").EnumerateObject())
                .Select(zone => Str(zone.Value.GetProperty("Attachment"), "EndpointId")));
            var subnets = o.Items(account, region, "DescribeSubnets", "Subnets").ToDictionary(s => Str(s, "SubnetId"), s => Str(s, "VpcId"));
            var explicitly = new HashSet<string>();
            var mains = new HashSet<string>();
            foreach (var table in o.Items(account, region, "DescribeRouteTables", "RouteTables"))
            {
                foreach (var route in table.GetProperty("Routes").EnumerateArray())
                {
                    foreach (var property in route.EnumerateObject().Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && p.Value.GetString() != "local"))
                    {
                        var id = property.Value.GetString()!;
                        var kind = targets.Keys.Single(k => id.StartsWith(k, StringComparison.Ordinal));
                        Assert.True(targets[kind].Contains(id), $"route in {Str(table, "RouteTableId")} ({account}/{region}) to missing {id}");
                    }
                }

                foreach (var association in table.GetProperty("Associations").EnumerateArray())
                {
                    if (association.GetProperty("Main").GetBoolean())
                    {
                        Assert.True(mains.Add(Str(table, "VpcId")), $"two main tables in {Str(table, "VpcId")}");
                    }
                    else
                    {
                        Assert.Equal(Str(table, "VpcId"), subnets[Str(association, "SubnetId")]);
                        Assert.True(explicitly.Add(Str(association, "SubnetId")));
                    }
                }
            }

            Assert.Equal(Ids(o, account, region, "DescribeVpcs", "Vpcs", "VpcId"), mains);
            var acls = o.Items(account, region, "DescribeNetworkAcls", "NetworkAcls").SelectMany(a => a.GetProperty("Associations").EnumerateArray()).Select(a => Str(a, "SubnetId")).ToList();
            Assert.Equal(subnets.Keys.Order(), acls.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Nat_gateways_endpoints_addresses_load_balancers_and_flow_logs_refer_to_what_exists(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var logArchiveBuckets = o.AllItems("ListBuckets", "Buckets").Select(b => Str(b.Item, "Name")).ToHashSet();
        foreach (var (account, region) in o.RegionalGroups)
        {
            var interfaces = o.Items(account, region, "DescribeNetworkInterfaces", "NetworkInterfaces").ToDictionary(e => Str(e, "NetworkInterfaceId"));
            var subnets = Ids(o, account, region, "DescribeSubnets", "Subnets", "SubnetId");
            var vpcs = Ids(o, account, region, "DescribeVpcs", "Vpcs", "VpcId");
            var groups = Ids(o, account, region, "DescribeSecurityGroups", "SecurityGroups", "GroupId");
            var tables = Ids(o, account, region, "DescribeRouteTables", "RouteTables", "RouteTableId");
            var allocations = o.Items(account, region, "DescribeAddresses", "Addresses").ToDictionary(a => Str(a, "AllocationId"));
            var instances = o.Items(account, region, "DescribeInstances", "Reservations").SelectMany(r => r.GetProperty("Instances").EnumerateArray()).Select(i => Str(i, "InstanceId")).ToHashSet();

            foreach (var nat in o.Items(account, region, "DescribeNatGateways", "NatGateways"))
            {
                Assert.Contains(Str(nat, "SubnetId"), subnets);
                var address = Assert.Single(nat.GetProperty("NatGatewayAddresses").EnumerateArray());
                var eni = interfaces[Str(address, "NetworkInterfaceId")];
                Assert.Equal(Str(eni, "PrivateIpAddress"), Str(address, "PrivateIp"));
                Assert.Equal("nat_gateway", Str(eni, "InterfaceType"));
                Assert.Equal(Str(address, "PublicIp"), Str(allocations[Str(address, "AllocationId")], "PublicIp"));
            }

            foreach (var address in allocations.Values.Where(a => a.TryGetProperty("NetworkInterfaceId", out _)))
            {
                var eni = interfaces[Str(address, "NetworkInterfaceId")];
                Assert.Equal(Str(address, "PublicIp"), Str(eni.GetProperty("Association"), "PublicIp"));
                Assert.Equal(Str(address, "PrivateIpAddress"), Str(eni, "PrivateIpAddress"));
            }

            foreach (var endpoint in o.Items(account, region, "DescribeVpcEndpoints", "VpcEndpoints"))
            {
                Assert.Contains(Str(endpoint, "VpcId"), vpcs);
                Assert.All(endpoint.GetProperty("RouteTableIds").EnumerateArray(), t => Assert.Contains(t.GetString()!, tables));
                Assert.All(endpoint.GetProperty("SubnetIds").EnumerateArray(), s => Assert.Contains(s.GetString()!, subnets));
                Assert.All(endpoint.GetProperty("NetworkInterfaceIds").EnumerateArray(), e => Assert.Equal("vpc_endpoint", Str(interfaces[e.GetString()!], "InterfaceType")));
                Assert.All(endpoint.GetProperty("Groups").EnumerateArray(), g => Assert.Contains(Str(g, "GroupId"), groups));
                JsonDocument.Parse(Str(endpoint, "PolicyDocument")).Dispose();
            }

            var targetGroups = o.Items(account, region, "DescribeTargetGroups", "TargetGroups").ToDictionary(t => Str(t, "TargetGroupArn"));
            var balancers = o.Items(account, region, "DescribeLoadBalancers", "LoadBalancers").ToList();
            foreach (var balancer in balancers)
            {
                Assert.Contains(Str(balancer, "VpcId"), vpcs);
                Assert.All(balancer.GetProperty("AvailabilityZones").EnumerateArray(), z => Assert.Contains(Str(z, "SubnetId"), subnets));
                if (balancer.TryGetProperty("SecurityGroups", out var balancerGroups))
                {
                    Assert.All(balancerGroups.EnumerateArray(), g => Assert.Contains(g.GetString()!, groups));
                }

                var listeners = o.Get(account, region, "DescribeListeners", Str(balancer, "LoadBalancerArn")).GetProperty("Listeners").EnumerateArray();
                foreach (var action in listeners.SelectMany(l => l.GetProperty("DefaultActions").EnumerateArray()).Where(a => Str(a, "Type") == "forward"))
                {
                    Assert.Contains(Str(balancer, "LoadBalancerArn"), targetGroups[Str(action, "TargetGroupArn")].GetProperty("LoadBalancerArns").EnumerateArray().Select(a => a.GetString()));
                }
            }

            foreach (var arn in targetGroups.Keys)
            {
                var health = o.Get(account, region, "DescribeTargetHealth", arn).GetProperty("TargetHealthDescriptions").EnumerateArray();
                Assert.All(health, h => Assert.Contains(Str(h.GetProperty("Target"), "Id"), instances));
            }

            if (o.Find(account, region, "DescribeFlowLogs") is { } flowLogs)
            {
                foreach (var log in flowLogs.GetProperty("FlowLogs").EnumerateArray())
                {
                    Assert.Contains(Str(log, "ResourceId"), vpcs);
                    Assert.Contains(Str(log, "LogDestination")["arn:aws:s3:::".Length..].Split('/')[0], logArchiveBuckets);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Public_addresses_are_unique_across_the_organization(string preset)
    {
        var o = GeneratedOrganization.Of(preset);

        var addresses = o.AllItems("DescribeNetworkInterfaces", "NetworkInterfaces")
            .Where(e => e.Item.TryGetProperty("Association", out _))
            .Select(e => Str(e.Item.GetProperty("Association"), "PublicIp"))
            .Concat(o.AllItems("DescribeAddresses", "Addresses").Where(a => !a.Item.TryGetProperty("NetworkInterfaceId", out _)).Select(a => Str(a.Item, "PublicIp")))
            .ToList();

        Assert.NotEmpty(addresses);
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Spokes_see_the_hubs_shared_transit_gateway_and_the_hub_sees_their_attachments(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var hub = o.AccountNamed(preset == "demo" ? "acme-network-hub" : "acme-network");
        foreach (var (account, region) in o.RegionalGroups)
        {
            var gateway = Assert.Single(o.Items(account, region, "DescribeTransitGateways", "TransitGateways"));
            Assert.Equal(hub, Str(gateway, "OwnerId"));
            Assert.Equal(Str(o.Items(hub, region, "DescribeTransitGateways", "TransitGateways").Single(), "TransitGatewayId"), Str(gateway, "TransitGatewayId"));
            foreach (var attachment in o.Items(account, region, "DescribeTransitGatewayVpcAttachments", "TransitGatewayVpcAttachments"))
            {
                var owner = Str(attachment, "VpcOwnerId");
                Assert.Contains(Str(attachment, "VpcId"), Ids(o, owner, region, "DescribeVpcs", "Vpcs", "VpcId"));
                var ownerSubnets = Ids(o, owner, region, "DescribeSubnets", "Subnets", "SubnetId");
                Assert.All(attachment.GetProperty("SubnetIds").EnumerateArray(), s => Assert.Contains(s.GetString()!, ownerSubnets));
                Assert.Contains(Str(attachment, "TransitGatewayAttachmentId"), Ids(o, hub, region, "DescribeTransitGatewayAttachments", "TransitGatewayAttachments", "TransitGatewayAttachmentId"));
                Assert.Equal(
                    o.Items(owner, region, "DescribeNetworkInterfaces", "NetworkInterfaces").Count(e => Str(e, "Description").EndsWith(Str(attachment, "TransitGatewayAttachmentId"), StringComparison.Ordinal)),
                    attachment.GetProperty("SubnetIds").GetArrayLength());
            }

            if (account != hub)
            {
                Assert.Empty(o.Items(account, region, "DescribeTransitGatewayRouteTables", "TransitGatewayRouteTables"));
            }
        }

        var hubRouteTables = Ids(o, hub, "eu-west-1", "DescribeTransitGatewayRouteTables", "TransitGatewayRouteTables", "TransitGatewayRouteTableId");
        Assert.All(o.Items(hub, "eu-west-1", "DescribeTransitGatewayAttachments", "TransitGatewayAttachments"),
            a => Assert.Contains(Str(a.GetProperty("Association"), "TransitGatewayRouteTableId"), hubRouteTables));
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Peerings_are_seen_from_both_sides_and_group_references_across_them_resolve(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var peerings = o.AllItems("DescribeVpcPeeringConnections", "VpcPeeringConnections").ToList();
        Assert.Contains(peerings, p => Str(p.Item.GetProperty("AccepterVpcInfo"), "OwnerId") != Str(p.Item.GetProperty("RequesterVpcInfo"), "OwnerId"));
        foreach (var (document, peering) in peerings)
        {
            foreach (var side in new[] { "AccepterVpcInfo", "RequesterVpcInfo" })
            {
                var info = peering.GetProperty(side);
                var owner = Str(info, "OwnerId");
                var region = Str(info, "Region");
                var vpc = o.Items(owner, region, "DescribeVpcs", "Vpcs").Single(v => Str(v, "VpcId") == Str(info, "VpcId"));
                Assert.Equal(Str(vpc, "CidrBlock"), Str(info, "CidrBlock"));
                Assert.Contains(Str(peering, "VpcPeeringConnectionId"), Ids(o, owner, region, "DescribeVpcPeeringConnections", "VpcPeeringConnections", "VpcPeeringConnectionId"));
            }
        }

        foreach (var (document, group) in o.AllItems("DescribeSecurityGroups", "SecurityGroups"))
        {
            foreach (var pair in group.GetProperty("IpPermissions").EnumerateArray().SelectMany(r => r.GetProperty("UserIdGroupPairs").EnumerateArray()))
            {
                var owner = Str(pair, "UserId");
                var region = pair.TryGetProperty("VpcPeeringConnectionId", out _)
                    ? o.RegionalGroups.Single(g => g.Account == owner && Ids(o, owner, g.Region, "DescribeVpcs", "Vpcs", "VpcId").Contains(Str(pair, "VpcId"))).Region
                    : document.Region;
                Assert.Contains(Str(pair, "GroupId"), Ids(o, owner, region, "DescribeSecurityGroups", "SecurityGroups", "GroupId"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Organization_lists_agree_and_every_account_is_collected(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var management = o.Documents.Single(d => d.Operation == "DescribeOrganization").Account;
        var accounts = Ids(o, management, Regions.Global, "ListAccounts", "Accounts", "Id");
        var byParent = o.Documents.Where(d => d.Operation == "ListAccountsForParent")
            .SelectMany(d => o.Parsed[d].GetProperty("Accounts").EnumerateArray().Select(a => Str(a, "Id")))
            .ToList();
        var units = o.AllItems("ListOrganizationalUnitsForParent", "OrganizationalUnits").Select(u => Str(u.Item, "Id")).ToList();

        Assert.Equal(accounts.Order(), byParent.Order());
        Assert.Equal(accounts.Order(), o.Accounts.Order());
        Assert.Equal(units.Count, units.Distinct().Count());
        Assert.Equal(units.Count + 1, o.Documents.Count(d => d.Operation == "ListAccountsForParent"));
        Assert.All(o.Documents.Where(d => d.Operation == "GetCallerIdentity"), d => Assert.Equal(d.Account, Str(o.Parsed[d], "Account")));
        Assert.Equal(preset == "demo" ? 5 : 6, units.Count);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Nothing_in_an_account_is_older_than_the_account(string preset)
    {
        var o = GeneratedOrganization.Of(preset);
        var management = o.Documents.Single(d => d.Operation == "DescribeOrganization").Account;
        var joined = o.Items(management, Regions.Global, "ListAccounts", "Accounts")
            .ToDictionary(a => Str(a, "Id"), a => DateTimeOffset.Parse(Str(a, "JoinedTimestamp"), System.Globalization.CultureInfo.InvariantCulture));
        string[] ownTimes = ["CreateDate", "LaunchTime", "CreateTime", "CreationTime", "CreationTimestamp", "CreatedTime", "CreationDate"];
        foreach (var document in o.Documents.Where(d => d.Operation is not ("ListAccounts" or "ListAccountsForParent" or "DescribeTransitGatewayAttachments" or "DescribeTransitGatewayVpcAttachments" or "DescribeTransitGateways" or "DescribeTransitGatewayPeeringAttachments" or "GetAccountAuthorizationDetails")))
        {
            foreach (var time in Times(o.Parsed[document], ownTimes))
            {
                Assert.True(time >= joined[document.Account], $"{document}: {time:O} is before the account joined on {joined[document.Account]:O}");
            }
        }
    }

    private static IEnumerable<DateTimeOffset> Times(JsonElement element, string[] names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (names.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return DateTimeOffset.Parse(property.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                }

                foreach (var nested in Times(property.Value, names))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(e => Times(e, names)))
            {
                yield return nested;
            }
        }
    }
}
