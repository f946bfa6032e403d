using Argus.Synthetic.Addressing;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>VPC plumbing: subnets, gateways, route tables, endpoints, prefix lists and flow logs.</summary>
internal sealed partial class RegionPlanner
{
    /// <summary>The policy AWS gives an endpoint when none is specified (the real default, 2008 version and all).</summary>
    private const string FullAccessEndpointPolicy = """{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";

    private const string OrganizationRange = "10.0.0.0/8";

    private string S3PrefixListId => amazon.Short("pl", "s3", 0, 8);

    /// <summary>The hub's <c>corp-networks</c> list, shared with every account through RAM.</summary>
    private string CorporatePrefixListId => org.Ids(org.Network, Region.Name).Short("pl", "corp-networks", 0, 8);

    private void PrefixLists()
    {
        var list = model.PrefixLists;
        list.Add(AmazonPrefixList(S3PrefixListId, $"com.amazonaws.{Region.Name}.s3", Region.S3Ranges));
        list.Add(AmazonPrefixList(amazon.Short("pl", "dynamodb", 0, 8), $"com.amazonaws.{Region.Name}.dynamodb", Region.DynamoDbRanges));
        var owner = org.Network.Id;
        list.Add(new PrefixListModel(
            CorporatePrefixListId,
            "corp-networks",
            owner,
            $"arn:aws:ec2:{Region.Name}:{owner}:prefix-list/{CorporatePrefixListId}",
            20,
            3,
            [(OnPremisesPlan.DataCentreCidr, "dc1 data centre"), (OnPremisesPlan.OfficeCidr, "office networks")],
            [new Tag("Name", "corp-networks"), new Tag("managed-by", "terraform")]));
    }

    private PrefixListModel AmazonPrefixList(string id, string name, IReadOnlyList<string> ranges) =>
        new(id, name, "AWS", $"arn:aws:ec2:{Region.Name}:aws:prefix-list/{id}", null, null, ranges.Select(r => (r, (string?)null)).ToList(), []);

    private void Network(VpcSkeleton sk)
    {
        var isDefault = sk.Kind == VpcKind.Default;
        var baseName = sk.ShortName;
        var created = random.Between(Account.Joined.AddDays(2), Account.Joined.AddDays(200));
        var vpc = new VpcModel(
            sk,
            sk.Id,
            ids.Ec2("vpc-cidr-assoc", sk.Index),
            sk.Ipv6Cidr is null ? null : ids.Ec2("vpc-cidr-assoc", "ipv6", sk.Index),
            ids.Ec2("dopt", 0),
            isDefault ? [] : Tags(sk.Name));
        model.Vpcs.Add(vpc);
        Subnets(vpc, sk, baseName);

        var internetGateway = sk.InternetGateway ? ids.Ec2("igw", sk.Index) : null;
        if (internetGateway is not null)
        {
            model.InternetGateways.Add(new InternetGatewayModel(internetGateway, vpc, isDefault ? [] : Tags($"{baseName}-igw")));
        }

        var egressOnly = sk.Ipv6Cidr is not null && sk.Kind == VpcKind.Workload ? ids.Ec2("eigw", sk.Index) : null;
        if (egressOnly is not null)
        {
            model.EgressOnlyGateways.Add(new EgressOnlyGatewayModel(egressOnly, vpc, Tags($"{baseName}-eigw")));
        }

        SecurityGroups(vpc, sk);
        var nats = NatGateways(vpc, sk, baseName, created);
        var tables = RouteTables(vpc, sk, baseName, internetGateway, egressOnly, nats);
        if (!isDefault)
        {
            Endpoints(vpc, sk, baseName, tables, created);
        }

        NetworkAcls(vpc, sk, baseName);
        if (sk.Has(SubnetTier.Firewall))
        {
            NetworkFirewall(vpc, sk, baseName);
        }

        if (sk.TransitGateway)
        {
            var attachment = sk.TransitGatewayAttachmentId;
            foreach (var subnet in vpc.Subnets.Where(s => s.Tier == SubnetTier.Private))
            {
                var eni = Interface(subnet, "transit_gateway", $"Network Interface for Transit Gateway Attachment {attachment}", [], null, true, sourceDestCheck: false);
                eni.Attachment = new InterfaceAttachment(AttachmentId("ela-attach"), created.AddDays(1), 1, false, null, "amazon-aws");
            }
        }

        if (sk.Kind == VpcKind.Workload)
        {
            LoadBalancers(vpc, sk, created.AddDays(20));
        }

        if (sk.FlowLogs)
        {
            model.FlowLogs.Add(new FlowLogModel(
                ids.Ec2("fl", sk.Index), vpc.Id, $"arn:aws:s3:::{org.LogBucket}", "ALL", created.AddDays(2), Tags($"{baseName}-flow-logs")));
        }
    }

    private void Subnets(VpcModel vpc, VpcSkeleton sk, string baseName)
    {
        var isDefault = sk.Kind == VpcKind.Default;
        foreach (var tier in sk.Tiers)
        {
            for (var zone = 0; zone < sk.Zones; zone++)
            {
                var (zoneName, zoneId) = model.Zones[zone];
                var block = sk.SubnetBlock(tier, zone);
                var ipv6 = sk.SubnetIpv6Cidr(tier, zone);
                var tierName = tier.ToString().ToLowerInvariant();
                var subnet = new SubnetModel(
                    sk.SubnetId(tier, zone),
                    vpc,
                    tier,
                    zone,
                    zoneName,
                    zoneId,
                    block,
                    ipv6,
                    ipv6 is null ? null : ids.Ec2("subnet-cidr-assoc", sk.Index * 16 + (int)tier * 4 + zone),
                    tier == SubnetTier.Public,
                    isDefault ? [] : Tags($"{baseName}-{tierName}-{Letter(zone)}", new Tag("tier", tierName)),
                    new SubnetAddresses(block, ids.Hash("addresses", sk.Index * 16 + (int)tier * 4 + zone)));
                vpc.Subnets.Add(subnet);
                model.Subnets.Add(subnet);
            }
        }
    }

    private List<NatGatewayModel> NatGateways(VpcModel vpc, VpcSkeleton sk, string baseName, DateTimeOffset created)
    {
        var list = new List<NatGatewayModel>();
        var publicSubnets = vpc.Subnets.Where(s => s.Tier == SubnetTier.Public).ToList();
        for (var zone = 0; zone < sk.NatGateways; zone++)
        {
            var id = ids.Ec2("nat", sk.Index * 4 + zone);
            var name = $"{baseName}-nat-{Letter(zone)}";
            var eni = Interface(publicSubnets[zone], "nat_gateway", $"Interface for NAT Gateway {id}", [], null, true, sourceDestCheck: false);
            eni.Attachment = new InterfaceAttachment(AttachmentId("ela-attach"), created.AddDays(1), 1, false, null, "amazon-aws");
            var eip = ElasticIp(name);
            Associate(eip, eni);
            var nat = new NatGatewayModel(id, publicSubnets[zone], eni, eip, created.AddDays(1), Tags(name));
            list.Add(nat);
            model.NatGateways.Add(nat);
        }

        return list;
    }

    /// <summary>
    /// A main table with only local routes (subnets are associated explicitly), then public, private (one per
    /// NAT gateway) and data tables. Routes point at the internet gateway, NAT gateways, the shared transit
    /// gateway, peerings, the S3 gateway endpoint's prefix list and, on the hub, the partner VPN's gateway.
    /// </summary>
    /// <remarks>
    /// The first development account sends its private subnets' internet traffic to the hub, through the egress
    /// VPC's firewall, rather than to its own NAT gateway, which stays behind idle (its public subnets keep the
    /// internet gateway for the load balancer and the jump host). With a firewall, the egress VPC routes per zone:
    /// attachment subnets to the zone's endpoint, firewall subnets to its NAT gateway, public subnets back through it.
    /// A route to a firewall endpoint reads <c>GatewayId: vpce-...</c>, as describe-route-tables prints it (its
    /// Route shape has no VpcEndpointId).
    /// </remarks>
    private List<RouteTableModel> RouteTables(VpcModel vpc, VpcSkeleton sk, string baseName, string? internetGateway, string? egressOnly, List<NatGatewayModel> nats)
    {
        var ordinal = sk.Index * 16;
        var ipv6 = sk.Ipv6Cidr;
        var tables = new List<RouteTableModel>();
        RouteTableModel Table(string? name, bool main)
        {
            var table = new RouteTableModel(ids.Ec2("rtb", ordinal), vpc, main, main ? ids.Ec2("rtbassoc", ordinal) : "", name is null ? [] : Tags(name));
            ordinal++;
            table.Routes.Add(RouteModel.Local(vpc.Cidr));
            if (ipv6 is not null)
            {
                table.Routes.Add(RouteModel.LocalIpv6(ipv6));
            }

            tables.Add(table);
            model.RouteTables.Add(table);
            return table;
        }

        void AssociateSubnets(RouteTableModel table, IEnumerable<SubnetModel> subnets)
        {
            foreach (var subnet in subnets)
            {
                table.Associations.Add((subnet.Id, ids.Ec2("rtbassoc", "rtbassoc:" + subnet.Id, 0)));
            }
        }

        var main = Table(sk.Kind == VpcKind.Default ? null : $"{baseName}-main", true);
        if (sk.Kind == VpcKind.Default)
        {
            // Default subnets use the main table, which AWS gives a route to the internet gateway.
            main.Routes.Add(RouteModel.To("0.0.0.0/0", "GatewayId", internetGateway!));
            return tables;
        }

        var transit = sk.TransitGateway ? model.TransitGateway.Id : null;
        var peerings = org.Peerings.Where(p => p.Involves(sk)).ToList();
        var onPremises = sk.Kind == VpcKind.Egress && sk.RegionIndex == 0 ? org.OnPremises : null;
        void Inward(RouteTableModel table)
        {
            if (transit is not null && sk.Kind != VpcKind.Egress)
            {
                table.Routes.Add(RouteModel.To(OrganizationRange, "TransitGatewayId", transit));
                table.Routes.Add(RouteModel.PrefixListTo(CorporatePrefixListId, "TransitGatewayId", transit));
            }

            foreach (var peering in peerings)
            {
                table.Routes.Add(RouteModel.To(peering.PeerOf(sk).Cidr.ToString(), "VpcPeeringConnectionId", peering.Id));
            }
        }

        // With a firewall, each zone's public table sends the spokes' return traffic back through its endpoint.
        var inspected = sk.Has(SubnetTier.Firewall);
        var publicTables = sk.Has(SubnetTier.Public) ? (inspected ? sk.Zones : 1) : 0;
        for (var k = 0; k < publicTables; k++)
        {
            var table = Table(inspected ? $"{baseName}-public-{Letter(k)}" : $"{baseName}-public", false);
            table.Routes.Add(RouteModel.To("0.0.0.0/0", "GatewayId", internetGateway!));
            if (ipv6 is not null)
            {
                table.Routes.Add(RouteModel.Ipv6To("::/0", "GatewayId", internetGateway!));
            }

            if (inspected)
            {
                table.Routes.Add(RouteModel.To(OrganizationRange, "GatewayId", sk.FirewallEndpointId(k)));
            }
            else if (sk.Kind == VpcKind.Egress && transit is not null)
            {
                // Return traffic from the NAT gateways to the spokes.
                table.Routes.Add(RouteModel.To(OrganizationRange, "TransitGatewayId", transit));
            }

            AssociateSubnets(table, vpc.Subnets.Where(s => s.Tier == SubnetTier.Public && (!inspected || s.Zone == k)));
        }

        if (sk.Has(SubnetTier.Private))
        {
            var count = Math.Max(1, nats.Count);
            for (var k = 0; k < count; k++)
            {
                var table = Table(count > 1 ? $"{baseName}-private-{Letter(k)}" : $"{baseName}-private", false);
                if (inspected)
                {
                    // The transit gateway attachment subnets: everything leaving goes through the zone's firewall endpoint first.
                    table.Routes.Add(RouteModel.To("0.0.0.0/0", "GatewayId", sk.FirewallEndpointId(k)));
                }
                else if (nats.Count > 0 && !(transit is not null && Account == org.FirstDevelopment && sk.Kind == VpcKind.Workload))
                {
                    table.Routes.Add(RouteModel.To("0.0.0.0/0", "NatGatewayId", nats[k].Id));
                }
                else if (transit is not null)
                {
                    table.Routes.Add(RouteModel.To("0.0.0.0/0", "TransitGatewayId", transit));
                }

                if (egressOnly is not null)
                {
                    table.Routes.Add(RouteModel.Ipv6To("::/0", "EgressOnlyInternetGatewayId", egressOnly));
                }

                Inward(table);
                if (onPremises is not null)
                {
                    table.PropagatingVirtualGateways.Add(onPremises.VirtualGatewayId);
                    table.Routes.Add(new RouteModel(OnPremisesPlan.PartnerCidr, null, null, "GatewayId", onPremises.VirtualGatewayId, "EnableVgwRoutePropagation"));
                }

                AssociateSubnets(table, vpc.Subnets.Where(s => s.Tier == SubnetTier.Private && (count == 1 || s.Zone == k)));
            }
        }

        if (inspected)
        {
            // What the firewall passes goes on to the zone's NAT gateway; returning traffic back to the spokes.
            for (var k = 0; k < sk.Zones; k++)
            {
                var table = Table($"{baseName}-firewall-{Letter(k)}", false);
                table.Routes.Add(RouteModel.To("0.0.0.0/0", "NatGatewayId", nats[k].Id));
                if (transit is not null)
                {
                    table.Routes.Add(RouteModel.To(OrganizationRange, "TransitGatewayId", transit));
                }

                AssociateSubnets(table, vpc.Subnets.Where(s => s.Tier == SubnetTier.Firewall && s.Zone == k));
            }
        }

        if (sk.Has(SubnetTier.Data))
        {
            var table = Table($"{baseName}-data", false);
            Inward(table);
            AssociateSubnets(table, vpc.Subnets.Where(s => s.Tier == SubnetTier.Data));
        }

        // The S3 gateway endpoint adds its prefix-list route to every table it is associated with.
        var s3Endpoint = ids.Ec2("vpce", "vpce:s3", sk.Index);
        foreach (var table in tables.Where(t => !t.Main))
        {
            table.Routes.Add(new RouteModel(null, null, S3PrefixListId, "GatewayId", s3Endpoint, "CreateRoute"));
        }

        return tables;
    }

    private void Endpoints(VpcModel vpc, VpcSkeleton sk, string baseName, List<RouteTableModel> tables, DateTimeOffset created)
    {
        model.Endpoints.Add(new VpcEndpointModel(
            ids.Ec2("vpce", "vpce:s3", sk.Index),
            "Gateway",
            $"com.amazonaws.{Region.Name}.s3",
            vpc,
            [],
            tables.Where(t => !t.Main).Select(t => t.Id).ToList(),
            [],
            FullAccessEndpointPolicy,
            created.AddDays(3),
            Tags($"{baseName}-s3")));
        if (sk.InterfaceEndpoints.Count == 0)
        {
            return;
        }

        var group = Group(vpc, $"{baseName}-endpoints");
        var subnets = vpc.Subnets.Where(s => s.Tier == SubnetTier.Private).ToList();
        foreach (var service in sk.InterfaceEndpoints)
        {
            var id = ids.Ec2("vpce", "vpce:" + service, sk.Index);
            var endpoint = new VpcEndpointModel(
                id, "Interface", $"com.amazonaws.{Region.Name}.{service}", vpc, subnets, [], [group], FullAccessEndpointPolicy, created.AddDays(4), Tags($"{baseName}-{service}"));
            foreach (var subnet in subnets)
            {
                endpoint.Interfaces.Add(Interface(subnet, "vpc_endpoint", $"VPC Endpoint Interface {id}", [group], null, true));
            }

            model.Endpoints.Add(endpoint);
        }
    }
}
