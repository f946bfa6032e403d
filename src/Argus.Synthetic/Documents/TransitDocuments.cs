using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Organization;
using Argus.Synthetic.Regional;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Documents;

/// <summary>
/// What links VPCs to each other and to the outside: the hub's transit gateways (shared through RAM, so spokes
/// see them with the hub's owner id), peerings (seen from both sides), VPNs and Direct Connect.
/// </summary>
internal static class TransitDocuments
{
    /// <summary>One attachment to a region's transit gateway, as the owner's and the resource owner's answers list it.</summary>
    private sealed record Attachment(string Id, string ResourceOwnerId, string ResourceType, string ResourceId, string Segment, DateTimeOffset Created, string Name, VpcSkeleton? Vpc);

    public static RawDocument TransitGateways(DocumentWriter d, RegionModel m) =>
        d.List(m.Account.Id, m.Region, AwsOperations.DescribeTransitGateways, [m.TransitGateway], (w, tgw) =>
        {
            w.WriteString("TransitGatewayId"u8, tgw.Id);
            w.WriteString("TransitGatewayArn"u8, tgw.Arn);
            w.WriteString("State"u8, "available");
            w.WriteString("OwnerId"u8, tgw.Owner.Id);
            w.WriteString("Description"u8, $"organization hub {tgw.Region}");
            w.WriteTime("CreationTime"u8, Created(m.Org, tgw));
            w.WriteStartObject("Options"u8);
            w.WriteNumber("AmazonSideAsn"u8, tgw.Asn);
            w.WriteString("AutoAcceptSharedAttachments"u8, "enable");
            w.WriteString("DefaultRouteTableAssociation"u8, "disable");
            w.WriteString("DefaultRouteTablePropagation"u8, "disable");
            w.WriteString("VpnEcmpSupport"u8, "enable");
            w.WriteString("DnsSupport"u8, "enable");
            w.WriteString("SecurityGroupReferencingSupport"u8, "disable");
            w.WriteString("MulticastSupport"u8, "disable");
            w.WriteEndObject();
            w.WriteTags([new Tag("Name", $"hub-tgw-{tgw.Region}"), new Tag("shared-with", "organization")]);
        });

    public static RawDocument TransitGatewayAttachments(DocumentWriter d, RegionModel m)
    {
        var tgw = m.TransitGateway;
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeTransitGatewayAttachments, VisibleAttachments(m), (w, attachment) =>
        {
            w.WriteString("TransitGatewayAttachmentId"u8, attachment.Id);
            w.WriteString("TransitGatewayId"u8, tgw.Id);
            w.WriteString("TransitGatewayOwnerId"u8, tgw.Owner.Id);
            w.WriteString("ResourceOwnerId"u8, attachment.ResourceOwnerId);
            w.WriteString("ResourceType"u8, attachment.ResourceType);
            w.WriteString("ResourceId"u8, attachment.ResourceId);
            w.WriteString("State"u8, "available");
            if (m.IsHub)
            {
                // Route tables, and so associations, are the owner's to see.
                w.WriteStartObject("Association"u8);
                w.WriteString("TransitGatewayRouteTableId"u8, tgw.RouteTableId(attachment.Segment));
                w.WriteString("State"u8, "associated");
                w.WriteEndObject();
            }

            w.WriteTime("CreationTime"u8, attachment.Created);
            w.WriteTags([new Tag("Name", attachment.Name)]);
        });
    }

    public static RawDocument TransitGatewayVpcAttachments(DocumentWriter d, RegionModel m)
    {
        var tgw = m.TransitGateway;
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeTransitGatewayVpcAttachments, VisibleAttachments(m).Where(a => a.Vpc is not null), (w, attachment) =>
        {
            var vpc = attachment.Vpc!;
            w.WriteString("TransitGatewayAttachmentId"u8, attachment.Id);
            w.WriteString("TransitGatewayId"u8, tgw.Id);
            w.WriteString("VpcId"u8, vpc.Id);
            w.WriteString("VpcOwnerId"u8, vpc.Account.Id);
            w.WriteString("State"u8, "available");
            w.WriteStrings("SubnetIds"u8, Enumerable.Range(0, vpc.Zones).Select(z => vpc.SubnetId(SubnetTier.Private, z)));
            w.WriteTime("CreationTime"u8, attachment.Created);
            w.WriteStartObject("Options"u8);
            w.WriteString("DnsSupport"u8, "enable");
            w.WriteString("SecurityGroupReferencingSupport"u8, "disable");
            w.WriteString("Ipv6Support"u8, "disable");
            w.WriteString("ApplianceModeSupport"u8, vpc.Kind == VpcKind.Egress ? "enable" : "disable");
            w.WriteEndObject();
            w.WriteTags([new Tag("Name", attachment.Name)]);
        });
    }

    /// <summary>Route tables of a shared transit gateway are visible to its owner only.</summary>
    public static RawDocument TransitGatewayRouteTables(DocumentWriter d, RegionModel m)
    {
        var tgw = m.TransitGateway;
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeTransitGatewayRouteTables, m.IsHub ? TransitGatewayPlan.Segments : [], (w, segment) =>
        {
            w.WriteString("TransitGatewayRouteTableId"u8, tgw.RouteTableId(segment));
            w.WriteString("TransitGatewayId"u8, tgw.Id);
            w.WriteString("State"u8, "available");
            w.WriteBoolean("DefaultAssociationRouteTable"u8, false);
            w.WriteBoolean("DefaultPropagationRouteTable"u8, false);
            w.WriteTime("CreationTime"u8, Created(m.Org, tgw).AddHours(1));
            w.WriteTags([new Tag("Name", $"{segment}-rt")]);
        });
    }

    /// <summary>One route of a transit gateway route table, as <c>search-transit-gateway-routes</c> prints it.</summary>
    private sealed record TransitRoute(string Cidr, string Type, Attachment? Target);

    /// <summary>
    /// Each segment's table: the attachments of that segment are associated with it. Shared (the hub, security,
    /// the VPN, Direct Connect and the gateway peerings) sees every VPC; prod and nonprod see their own segment and
    /// shared, never each other. VPC attachments propagate their CIDR, the BGP VPN the office networks and Direct
    /// Connect the data centre (preferred over the VPN for it). Static routes send the other regions' VPCs over the
    /// gateway peering (region 0 peers with every region, so others reach region 0 only), and the spoke segments'
    /// internet traffic to the egress VPC, with 10.0.0.0/8 blackholed so that no unknown internal range leaves there.
    /// </summary>
    public static IEnumerable<RawDocument> TransitGatewayRouteTableContents(DocumentWriter d, RegionModel m)
    {
        if (!m.IsHub)
        {
            yield break;
        }

        var tgw = m.TransitGateway;
        var attachments = VisibleAttachments(m).ToList();
        foreach (var segment in TransitGatewayPlan.Segments)
        {
            var table = tgw.RouteTableId(segment);
            var propagating = attachments.Where(a => a.ResourceType != "peering" && Sees(segment, a.Segment)).ToList();
            yield return d.List(m.Account.Id, m.Region, AwsOperations.SearchTransitGatewayRoutes, TransitRoutes(m, segment, attachments, propagating), (w, route) =>
            {
                w.WriteString("DestinationCidrBlock"u8, route.Cidr);
                if (route.Target is { } target)
                {
                    w.WriteStartArray("TransitGatewayAttachments"u8);
                    w.WriteStartObject();
                    w.WriteString("ResourceId"u8, target.ResourceId);
                    w.WriteString("TransitGatewayAttachmentId"u8, target.Id);
                    w.WriteString("ResourceType"u8, target.ResourceType);
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WriteString("Type"u8, route.Type);
                w.WriteString("State"u8, route.Target is null ? "blackhole" : "active");
            }, table);
            yield return d.List(m.Account.Id, m.Region, AwsOperations.GetTransitGatewayRouteTableAssociations, attachments.Where(a => a.Segment == segment), (w, a) =>
                AttachmentReference(w, a, "associated"), table);
            yield return d.List(m.Account.Id, m.Region, AwsOperations.GetTransitGatewayRouteTablePropagations, propagating, (w, a) =>
                AttachmentReference(w, a, "enabled"), table);
        }
    }

    private static bool Sees(string segment, string other) => segment == "shared" || other == "shared" || other == segment;

    private static IEnumerable<TransitRoute> TransitRoutes(RegionModel m, string segment, List<Attachment> attachments, List<Attachment> propagating)
    {
        var routes = new List<TransitRoute>();
        foreach (var a in propagating)
        {
            switch (a.ResourceType)
            {
                case "vpc":
                    routes.Add(new TransitRoute(a.Vpc!.Cidr.ToString(), "propagated", a));
                    break;
                case "vpn":
                    routes.Add(new TransitRoute(OnPremisesPlan.OfficeCidr, "propagated", a));
                    break;
                case "direct-connect-gateway":
                    routes.Add(new TransitRoute(OnPremisesPlan.DataCentreCidr, "propagated", a));
                    break;
            }
        }

        foreach (var peering in attachments.Where(a => a.ResourceType == "peering"))
        {
            var remote = m.Org.TransitGateways.First(g => g.Id == peering.ResourceId).RegionIndex;
            foreach (var account in m.Org.Accounts.Where(a => Sees(segment, m.TransitGateway.SegmentOf(a))))
            {
                routes.AddRange(m.Org.Skeletons[account.Index][remote].Vpcs.Where(v => v.TransitGateway)
                    .Select(v => new TransitRoute(v.Cidr.ToString(), "static", peering)));
            }
        }

        if (segment != "shared" && attachments.FirstOrDefault(a => a.Vpc?.Kind == VpcKind.Egress) is { } egress)
        {
            routes.Add(new TransitRoute("0.0.0.0/0", "static", egress));
            routes.Add(new TransitRoute("10.0.0.0/8", "static", null));
        }

        return routes.OrderBy(r => r.Cidr, StringComparer.Ordinal);
    }

    private static void AttachmentReference(Utf8JsonWriter w, Attachment a, string state)
    {
        w.WriteString("TransitGatewayAttachmentId"u8, a.Id);
        w.WriteString("ResourceId"u8, a.ResourceId);
        w.WriteString("ResourceType"u8, a.ResourceType);
        w.WriteString("State"u8, state);
    }

    /// <summary>The hub's first-region gateway is peered with the one in every other region; both ends list the peering.</summary>
    public static RawDocument TransitGatewayPeeringAttachments(DocumentWriter d, RegionModel m) =>
        d.List(m.Account.Id, m.Region, AwsOperations.DescribeTransitGatewayPeeringAttachments, m.IsHub ? GatewayPeerings(m) : [], (w, peering) =>
        {
            var (requester, accepter) = peering;
            w.WriteString("TransitGatewayAttachmentId"u8, requester.PeeringAttachmentId(accepter.RegionIndex));
            Gateway(w, "RequesterTgwInfo"u8, requester);
            Gateway(w, "AccepterTgwInfo"u8, accepter);
            w.WriteStartObject("Status"u8);
            w.WriteString("Code"u8, "available");
            w.WriteString("Message"u8, "Available");
            w.WriteEndObject();
            w.WriteString("State"u8, "available");
            w.WriteTime("CreationTime"u8, Created(m.Org, accepter).AddDays(2));
            w.WriteTags([new Tag("Name", $"hub-{requester.Region}-to-{accepter.Region}")]);
        });

    private static void Gateway(Utf8JsonWriter w, ReadOnlySpan<byte> name, TransitGatewayPlan gateway)
    {
        w.WriteStartObject(name);
        w.WriteString("TransitGatewayId"u8, gateway.Id);
        w.WriteString("OwnerId"u8, gateway.Owner.Id);
        w.WriteString("Region"u8, gateway.Region);
        w.WriteEndObject();
    }

    private static IEnumerable<(TransitGatewayPlan Requester, TransitGatewayPlan Accepter)> GatewayPeerings(RegionModel m)
    {
        var gateways = m.Org.TransitGateways;
        var here = m.Skeleton.RegionIndex;
        return here == 0
            ? gateways.Skip(1).Select(g => (gateways[0], g))
            : [(gateways[0], gateways[here])];
    }

    /// <summary>
    /// The owner sees every attachment to its gateway (every attached VPC of the organization in the region, the
    /// VPN, Direct Connect and the peerings); any other account sees its own VPCs' attachments.
    /// </summary>
    private static IEnumerable<Attachment> VisibleAttachments(RegionModel m)
    {
        var region = m.Skeleton.RegionIndex;
        var tgw = m.TransitGateway;
        var accounts = m.IsHub ? m.Org.Accounts : [m.Account];
        foreach (var account in accounts)
        {
            foreach (var vpc in m.Org.Skeletons[account.Index][region].Vpcs.Where(v => v.TransitGateway))
            {
                yield return new Attachment(
                    vpc.TransitGatewayAttachmentId, account.Id, "vpc", vpc.Id, tgw.SegmentOf(account), Later(Created(m.Org, tgw), account.Joined).AddDays(5), vpc.Name, vpc);
            }
        }

        if (!m.IsHub)
        {
            yield break;
        }

        if (region == 0)
        {
            var onPremises = m.Org.OnPremises;
            yield return new Attachment(onPremises.VpnAttachmentId, tgw.Owner.Id, "vpn", onPremises.DataCentreVpnId, "shared", Created(m.Org, tgw).AddDays(3), "dc1-vpn", null);
            yield return new Attachment(onPremises.DirectConnectAttachmentId, tgw.Owner.Id, "direct-connect-gateway", onPremises.DirectConnectGatewayId, "shared", Created(m.Org, tgw).AddDays(4), "dc1-direct-connect", null);
        }

        foreach (var (requester, accepter) in GatewayPeerings(m))
        {
            var peer = region == requester.RegionIndex ? accepter : requester;
            yield return new Attachment(requester.PeeringAttachmentId(accepter.RegionIndex), tgw.Owner.Id, "peering", peer.Id, "shared", Created(m.Org, accepter).AddDays(2), $"hub-{requester.Region}-to-{accepter.Region}", null);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Created(OrgPlan org, TransitGatewayPlan tgw) => org.Network.Joined.AddDays(20 + tgw.RegionIndex * 30);

    public static RawDocument VpcPeeringConnections(DocumentWriter d, RegionModel m)
    {
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeVpcPeeringConnections, m.Peerings, (w, peering) =>
        {
            PeeringSide(w, "AccepterVpcInfo"u8, peering.Accepter);
            PeeringSide(w, "RequesterVpcInfo"u8, peering.Requester);
            w.WriteStartObject("Status"u8);
            w.WriteString("Code"u8, "active");
            w.WriteString("Message"u8, "Active");
            w.WriteEndObject();
            w.WriteTags([new Tag("Name", peering.Name)]);
            w.WriteString("VpcPeeringConnectionId"u8, peering.Id);
        });
    }

    private static void PeeringSide(Utf8JsonWriter w, ReadOnlySpan<byte> name, VpcSkeleton vpc)
    {
        w.WriteStartObject(name);
        w.WriteString("CidrBlock"u8, vpc.Cidr.ToString());
        w.WriteStartArray("CidrBlockSet"u8);
        w.WriteStartObject();
        w.WriteString("CidrBlock"u8, vpc.Cidr.ToString());
        w.WriteEndObject();
        w.WriteEndArray();
        if (vpc.Ipv6Cidr is not null)
        {
            w.WriteStartArray("Ipv6CidrBlockSet"u8);
            w.WriteStartObject();
            w.WriteString("Ipv6CidrBlock"u8, vpc.Ipv6Cidr);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("OwnerId"u8, vpc.Account.Id);
        w.WriteStartObject("PeeringOptions"u8);
        w.WriteBoolean("AllowDnsResolutionFromRemoteVpc"u8, false);
        w.WriteBoolean("AllowEgressFromLocalClassicLinkToRemoteVpc"u8, false);
        w.WriteBoolean("AllowEgressFromLocalVpcToRemoteClassicLink"u8, false);
        w.WriteEndObject();
        w.WriteString("VpcId"u8, vpc.Id);
        w.WriteString("Region"u8, vpc.Region);
        w.WriteEndObject();
    }

    /// <summary>The VPNs and their gateways exist in the hub's first region only.</summary>
    private static IEnumerable<OnPremisesPlan> OnPremisesHere(RegionModel m) =>
        m.IsHub && m.Region == m.Org.OnPremises.Region ? [m.Org.OnPremises] : [];

    public static RawDocument VpnGateways(DocumentWriter d, RegionModel m) =>
        d.List(m.Account.Id, m.Region, AwsOperations.DescribeVpnGateways, OnPremisesHere(m), (w, onPremises) =>
        {
            w.WriteString("State"u8, "available");
            w.WriteString("Type"u8, "ipsec.1");
            w.WriteVpcAttachment("VpcAttachments"u8, "attached", onPremises.EgressVpc.Id);
            w.WriteString("VpnGatewayId"u8, onPremises.VirtualGatewayId);
            w.WriteNumber("AmazonSideAsn"u8, 64520);
            w.WriteTags([new Tag("Name", "partner-vgw")]);
        });

    public static RawDocument CustomerGateways(DocumentWriter d, RegionModel m)
    {
        var gateways = OnPremisesHere(m).SelectMany(o => new[]
        {
            (Id: o.DataCentreGatewayId, Asn: "65010", Address: OnPremisesPlan.DataCentreAddress, Name: "dc1-router"),
            (Id: o.PartnerGatewayId, Asn: "65020", Address: OnPremisesPlan.PartnerAddress, Name: "partner-acme-firewall"),
        });
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeCustomerGateways, gateways, (w, gateway) =>
        {
            w.WriteString("BgpAsn"u8, gateway.Asn);
            w.WriteString("CustomerGatewayId"u8, gateway.Id);
            w.WriteString("IpAddress"u8, gateway.Address);
            w.WriteString("State"u8, "available");
            w.WriteString("Type"u8, "ipsec.1");
            w.WriteTags([new Tag("Name", gateway.Name)]);
        });
    }

    private sealed record VpnPlan(string Id, string CustomerGateway, string? VpnGateway, string? TransitGateway, bool StaticRoutes, string[] Routes, string Name, int Ordinal);

    /// <summary>
    /// The data centre's BGP VPN to the transit gateway and the partner's static VPN to the virtual private
    /// gateway. <c>CustomerGatewayConfiguration</c> and tunnels' <c>PreSharedKey</c> are left out on purpose: they
    /// are secrets, and Argus never stores credentials.
    /// </summary>
    public static RawDocument VpnConnections(DocumentWriter d, RegionModel m)
    {
        var ids = m.Org.Ids(m.Account, m.Region);
        var connections = OnPremisesHere(m).SelectMany(o => new[]
        {
            new VpnPlan(o.DataCentreVpnId, o.DataCentreGatewayId, null, m.TransitGateway.Id, false, [], "dc1-vpn", 0),
            new VpnPlan(o.PartnerVpnId, o.PartnerGatewayId, o.VirtualGatewayId, null, true, [OnPremisesPlan.PartnerCidr], "partner-acme-vpn", 1),
        });
        return d.List(m.Account.Id, m.Region, AwsOperations.DescribeVpnConnections, connections, (w, vpn) =>
        {
            w.WriteString("Category"u8, "VPN");
            w.WriteString("CustomerGatewayId"u8, vpn.CustomerGateway);
            w.WriteStartObject("Options"u8);
            w.WriteBoolean("EnableAcceleration"u8, false);
            w.WriteBoolean("StaticRoutesOnly"u8, vpn.StaticRoutes);
            w.WriteString("LocalIpv4NetworkCidr"u8, "0.0.0.0/0");
            w.WriteString("RemoteIpv4NetworkCidr"u8, "0.0.0.0/0");
            w.WriteString("OutsideIpAddressType"u8, "PublicIpv4");
            w.WriteString("TunnelInsideIpVersion"u8, "ipv4");
            w.WriteStartArray("TunnelOptions"u8);
            for (var t = 0; t < 2; t++)
            {
                w.WriteStartObject();
                w.WriteString("OutsideIpAddress"u8, Tunnel(ids, vpn.Ordinal, t));
                w.WriteString("TunnelInsideCidr"u8, $"169.254.{10 + vpn.Ordinal * 10 + t}.{t * 4}/30");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteObjects("Routes"u8, vpn.Routes, route =>
            {
                w.WriteString("DestinationCidrBlock"u8, route);
                w.WriteString("Source"u8, "Static");
                w.WriteString("State"u8, "available");
            });
            w.WriteString("State"u8, "available");
            w.WriteTags([new Tag("Name", vpn.Name)]);
            w.WriteOptional("TransitGatewayId"u8, vpn.TransitGateway);
            w.WriteString("Type"u8, "ipsec.1");
            w.WriteStartArray("VgwTelemetry"u8);
            for (var t = 0; t < 2; t++)
            {
                w.WriteStartObject();
                w.WriteNumber("AcceptedRouteCount"u8, vpn.StaticRoutes ? 1 : 3);
                w.WriteString("LastStatusChange"u8, "2025-12-30T04:12:09+00:00");
                w.WriteString("OutsideIpAddress"u8, Tunnel(ids, vpn.Ordinal, t));
                w.WriteString("Status"u8, "UP");
                w.WriteString("StatusMessage"u8, vpn.StaticRoutes ? "" : "3 BGP ROUTES");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("VpnConnectionId"u8, vpn.Id);
            w.WriteOptional("VpnGatewayId"u8, vpn.VpnGateway);
        });
    }

    /// <summary>AWS-side tunnel endpoints, in an Amazon range no account's addresses come from.</summary>
    private static string Tunnel(Determinism.IdFactory ids, int ordinal, int tunnel)
    {
        var h = ids.Hash("vpn-tunnel", ordinal * 2 + tunnel);
        return $"52.{48 + (int)(h % 16)}.{(h >> 8) & 255}.{1 + ((h >> 16) % 254)}";
    }

    /// <summary>The hub's Direct Connect gateway; gateways are global, so it is listed in every region queried.</summary>
    private static IEnumerable<OnPremisesPlan> DirectConnectHere(RegionModel m) => m.IsHub ? [m.Org.OnPremises] : [];

    public static RawDocument DirectConnectGateways(DocumentWriter d, RegionModel m) =>
        d.List(m.Account.Id, m.Region, AwsOperations.DescribeDirectConnectGateways, DirectConnectHere(m), (w, onPremises) =>
        {
            w.WriteString("directConnectGatewayId"u8, onPremises.DirectConnectGatewayId);
            w.WriteString("directConnectGatewayName"u8, "dc1-dx-gateway");
            w.WriteNumber("amazonSideAsn"u8, 64600);
            w.WriteString("ownerAccount"u8, m.Account.Id);
            w.WriteString("directConnectGatewayState"u8, "available");
        });

    public static RawDocument DirectConnectGatewayAssociations(DocumentWriter d, RegionModel m) =>
        d.List(m.Account.Id, m.Region, AwsOperations.DescribeDirectConnectGatewayAssociations, DirectConnectHere(m), (w, onPremises) =>
        {
            var tgw = m.Org.TransitGateways[0];
            w.WriteString("directConnectGatewayId"u8, onPremises.DirectConnectGatewayId);
            w.WriteString("directConnectGatewayOwnerAccount"u8, m.Account.Id);
            w.WriteString("associationState"u8, "associated");
            w.WriteStartObject("associatedGateway"u8);
            w.WriteString("id"u8, tgw.Id);
            w.WriteString("type"u8, "transitGateway");
            w.WriteString("ownerAccount"u8, tgw.Owner.Id);
            w.WriteString("region"u8, tgw.Region);
            w.WriteEndObject();
            w.WriteString("associationId"u8, onPremises.DirectConnectAssociationId);
            w.WriteStartArray("allowedPrefixesToDirectConnectGateway"u8);
            w.WriteStartObject();
            w.WriteString("cidr"u8, "10.0.0.0/8");
            w.WriteEndObject();
            w.WriteEndArray();
        });
}
