using Argus.Network.Addressing;
using Argus.Network.Evaluation;
using Argus.Network.Model;
using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>
/// Follows one packet through the model, hop by hop: route tables (longest prefix match), gateways, NAT,
/// transit gateways, peerings, and network ACLs at every subnet boundary. Forward walks defer security groups to
/// arrival, when it is known whether group references apply; return walks (<see cref="Returning"/>) check routes
/// and ACLs only, security groups being stateful, and ACLs see the return traffic on ephemeral ports.
/// </summary>
internal sealed partial class PathWalker
{
    private const int MaxHops = 64;

    private readonly NetworkModel model;
    private readonly ReachOptions options;
    private readonly Dictionary<string, IpPrefix> natOrigins = new(StringComparer.Ordinal);

    public PathWalker(NetworkModel model, ReachOptions options, TrafficSet traffic, bool returning)
    {
        this.model = model;
        this.options = options;
        Allowed = TrafficBounds.Exactly(traffic);
        Returning = returning;
    }

    public bool Returning { get; }

    public List<Hop> Hops { get; } = [];

    public List<string> Notes { get; } = [];

    public List<string> Unknowns { get; } = [];

    public TrafficBounds Allowed { get; private set; }

    public Blocker? Blocked { get; private set; }

    /// <summary>Set when the walk stops because data is missing or a target is not modelled.</summary>
    public bool Undecided { get; private set; }

    public ExitKind Exit { get; private set; }

    public string? ExitVia { get; private set; }

    public string? ExitDescription { get; private set; }

    /// <summary>The interface the packet reached, when it reached one.</summary>
    public NetworkInterface? Arrived { get; private set; }

    /// <summary>The packet's source as it left its interface and as it arrived (after source NAT).</summary>
    public IpPrefix Source { get; private set; }

    public IpPrefix Destination { get; private set; }

    /// <summary>The interface the packet left from (null from outside); group references only match it.</summary>
    public NetworkInterface? Sender { get; private set; }

    public bool Translated { get; private set; }

    public bool CrossedPeering { get; private set; }

    public bool CrossedRegionPeering { get; private set; }

    public bool CrossedTransitGateway { get; private set; }

    public bool TransitGatewayReferencing { get; private set; } = true;

    /// <summary>NAT gateways the forward walk translated at, with the source they hid: the return walk reverses them.</summary>
    public IReadOnlyDictionary<string, IpPrefix> NatOrigins => natOrigins;

    public bool Done => Blocked is not null || Undecided || Exit != ExitKind.None || Arrived is not null;

    public void Seed(IReadOnlyDictionary<string, IpPrefix> origins)
    {
        foreach (var (nat, origin) in origins)
        {
            natOrigins[nat] = origin;
        }
    }

    /// <summary>A packet leaving an interface from one of its addresses.</summary>
    public void FromInterface(NetworkInterface eni, IpPrefix source, IpPrefix destination)
    {
        Source = source;
        Destination = destination;
        Sender = eni;
        Hops.Add(new Hop(eni.Id, "network-interface", Returning ? "reply" : "send", $"from {source} in {eni.SubnetId}", null, null));
        if (model.Subnets.TryGetValue(eni.SubnetId, out var subnet))
        {
            RouteFrom(subnet);
        }
        else
        {
            Unknown($"subnet {eni.SubnetId} of {eni.Id}: not in the snapshot (ec2:DescribeSubnets)");
        }
    }

    /// <summary>A packet from the internet to a public address.</summary>
    public void FromInternet(IpPrefix source, IpPrefix destination)
    {
        Source = source;
        Destination = destination;
        Hops.Add(new Hop("internet", "internet", Returning ? "reply" : "send", $"from {source}", null, null));
        EnterFromInternet();
    }

    /// <summary>A packet from on-premises entering through a transit gateway's VPN or Direct Connect attachment.</summary>
    public void FromTransitAttachment(TransitGatewayAttachment attachment, IpPrefix source, IpPrefix destination)
    {
        Source = source;
        Destination = destination;
        Hops.Add(new Hop(attachment.ResourceId, attachment.ResourceType, Returning ? "reply" : "send", $"from {source} on premises", null, null));
        Hops.Add(new Hop(attachment.Id, "transit-gateway-attachment", "forward", $"{attachment.ResourceType} {attachment.ResourceId} into {attachment.TransitGatewayId}", null, null));
        TransitRoute(attachment.TransitGatewayId, attachment, 0);
    }

    /// <summary>A packet from on-premises entering a VPC through its virtual private gateway.</summary>
    public void FromVpnGateway(VpnGateway gateway, Vpc vpc, IpPrefix source, IpPrefix destination)
    {
        Source = source;
        Destination = destination;
        Hops.Add(new Hop(gateway.Id, "vpn-gateway", Returning ? "reply" : "send", $"from {source} on premises into {vpc.Id}", null, null));
        EnterVpc(vpc, gateway.Id, 0);
    }

    private void RouteFrom(Subnet subnet, int depth = 0)
    {
        if (depth > MaxHops)
        {
            Block(ExplanationCodes.LoopDetected, subnet.Id, "the packet loops between route tables");
            return;
        }

        if (model.Coverage.Missing(subnet.Scope.Account, subnet.Scope.Region, "ec2", "DescribeRouteTables") is { } missing)
        {
            Unknown($"route table of {subnet.Id}: {missing}");
            return;
        }

        if (model.RouteTableOf(subnet) is not { } table)
        {
            Unknown($"route table of {subnet.Id} is not in the snapshot");
            return;
        }

        var route = table.Lookup(Destination);
        if (table.UnknownPrefixLists.Count > 0 && IsInternet(Destination))
        {
            Notes.Add($"{table.Id} routes prefix lists whose entries were not collected ({string.Join(", ", table.UnknownPrefixLists)}); a more specific route to {Destination} could hide there");
        }

        if (route is null)
        {
            Hops.Add(new Hop(table.Id, "route-table", "route", $"no route matches {Destination}", null, null));
            Block(ExplanationCodes.NoRouteToDestination, table.Id, $"route table {Name(table.Id, table.Name)} of {subnet.Id} has no route to {Destination}");
            return;
        }

        Hops.Add(new Hop(table.Id, "route-table", "route", $"{route}{(route.Origin is null ? "" : $" [{route.Origin}]")}", null, null));
        if (route.Blackhole)
        {
            Block(ExplanationCodes.BlackholeRoute, table.Id, $"route {route} in {table.Id} is a blackhole: its target no longer exists");
            return;
        }

        if (model.FirewallEndpoint(route.Target) is { } firewall)
        {
            ToFirewall(firewall.Firewall, route.Target, firewall.SubnetId, subnet, depth);
            return;
        }

        var vpc = model.Vpcs.GetValueOrDefault(subnet.VpcId);
        switch (route.Kind)
        {
            case RouteTargetKind.Local:
                if (vpc is null)
                {
                    Unknown($"VPC {subnet.VpcId}: not in the snapshot (ec2:DescribeVpcs)");
                    return;
                }

                DeliverInVpc(vpc, subnet, depth);
                break;
            case RouteTargetKind.InternetGateway:
                ToInternetGateway(route.Target, subnet);
                break;
            case RouteTargetKind.EgressOnlyInternetGateway:
                ToEgressOnlyGateway(route.Target, subnet);
                break;
            case RouteTargetKind.NatGateway:
                ToNat(route.Target, subnet, depth);
                break;
            case RouteTargetKind.TransitGateway:
                ToTransitGateway(route.Target, subnet, depth);
                break;
            case RouteTargetKind.VpcPeering:
                ToPeering(route.Target, subnet, depth);
                break;
            case RouteTargetKind.VirtualPrivateGateway:
                if (!AclOut(subnet))
                {
                    return;
                }

                Leave(ExitKind.OnPremises, route.Target, "vpn-gateway", $"on premises through virtual private gateway {route.Target}");
                break;
            case RouteTargetKind.GatewayEndpoint:
                ToEndpoint(route.Target, subnet);
                break;
            case RouteTargetKind.Instance:
            case RouteTargetKind.NetworkInterface:
                ToAppliance(route.Target, subnet, depth);
                break;
            default:
                NotModelled(route.Target, UnmodelledTarget(route.Target, subnet.Scope));
                break;
        }
    }

    /// <summary>Local delivery: the interface holding the destination in this VPC.</summary>
    private void DeliverInVpc(Vpc vpc, Subnet? from, int depth)
    {
        if (!Destination.IsAddress)
        {
            NotModelled(vpc.Id, $"{Destination} is a range inside {vpc.Id}: name an interface or an address");
            return;
        }

        if (model.Coverage.Missing(vpc.Scope.Account, vpc.Scope.Region, "ec2", "DescribeNetworkInterfaces") is { } missing)
        {
            Unknown($"interfaces of {vpc.Id}: {missing}");
            return;
        }

        if (model.InterfaceAt(vpc.Id, Destination) is not { } target)
        {
            if (from is not null)
            {
                AclOut(from);
            }

            Block(ExplanationCodes.AddressNotAssigned, vpc.Id, $"no interface in {Name(vpc.Id, vpc.Name)} holds {Destination}");
            return;
        }

        if (!model.Subnets.TryGetValue(target.SubnetId, out var targetSubnet))
        {
            Unknown($"subnet {target.SubnetId}: not in the snapshot (ec2:DescribeSubnets)");
            return;
        }

        if (from?.Id != targetSubnet.Id && ((from is not null && !AclOut(from)) || !AclIn(targetSubnet)))
        {
            return;
        }

        ArriveAt(target, targetSubnet, depth);
    }

    private void ArriveAt(NetworkInterface target, Subnet subnet, int depth)
    {
        if (target.InterfaceType == "nat_gateway" && Returning && model.NatGateways.Values.FirstOrDefault(n => n.InterfaceId == target.Id) is { } nat
            && natOrigins.TryGetValue(nat.Id, out var origin))
        {
            Hops.Add(new Hop(nat.Id, "nat-gateway", "translate", "reverses its source NAT", $"destination {Destination} -> {origin}", Allowed.Certain));
            Destination = origin;
            RouteFrom(subnet, depth + 1);
            return;
        }

        Hops.Add(new Hop(target.Id, "network-interface", "arrive", $"{Destination} in {target.SubnetId}", null, Allowed.Certain));
        Arrived = target;
    }

    private void ToInternetGateway(string gatewayId, Subnet from)
    {
        if (!model.InternetGateways.TryGetValue(gatewayId, out var gateway) || !gateway.VpcIds.Contains(from.VpcId))
        {
            Block(ExplanationCodes.NoInternetGateway, gatewayId, $"internet gateway {gatewayId} is not attached to {from.VpcId}");
            return;
        }

        if (!IsInternet(Destination))
        {
            Block(ExplanationCodes.PrivateAddressOnInternet, gatewayId, $"{Destination} is not a public address: the internet gateway does not route it");
            return;
        }

        if (!AclOut(from))
        {
            return;
        }

        string? translation = null;
        if (!Source.IsIpv6)
        {
            // The internet gateway maps a private address one-to-one to its public address, and drops packets without one.
            var holder = Sender is not null && Sender.Holds(Source) ? Sender : model.InterfaceAt(from.VpcId, Source);
            if (holder?.PublicAddresses.GetValueOrDefault(Source) is not { } mapped || !holder.PublicAddresses.ContainsKey(Source))
            {
                Hops.Add(new Hop(gatewayId, "internet-gateway", "drop", $"{Source} has no public address", null, null));
                Block(ExplanationCodes.NoPublicAddress, holder?.Id ?? gatewayId, $"{Source} has no public or Elastic IP address, so {gatewayId} cannot carry it to the internet");
                return;
            }

            translation = $"source {Source} -> {mapped}";
            Source = mapped;
            Translated = true;
        }

        Hops.Add(new Hop(gatewayId, "internet-gateway", "forward", $"to the internet{(Source.IsIpv6 ? " (IPv6, no translation)" : "")}", translation, Allowed.Certain));
        OnInternet();
    }

    private void ToEgressOnlyGateway(string gatewayId, Subnet from)
    {
        if (!model.InternetGateways.TryGetValue(gatewayId, out var gateway) || !gateway.VpcIds.Contains(from.VpcId))
        {
            Block(ExplanationCodes.NoInternetGateway, gatewayId, $"egress-only internet gateway {gatewayId} is not attached to {from.VpcId}");
            return;
        }

        if (!Destination.IsIpv6 || !Source.IsIpv6)
        {
            Block(ExplanationCodes.AddressFamilyMismatch, gatewayId, "an egress-only internet gateway carries IPv6 only");
            return;
        }

        if (Returning)
        {
            // Replies to connections the VPC opened are allowed back; a reply leaving through it is just IPv6 egress.
            Notes.Add($"{gatewayId} carries the reply out");
        }

        if (!AclOut(from))
        {
            return;
        }

        Hops.Add(new Hop(gatewayId, "egress-only-internet-gateway", "forward", "to the internet (IPv6 egress only)", null, Allowed.Certain));
        OnInternet();
    }

    /// <summary>The packet is on the internet: it either reaches a public address of the model or leaves it.</summary>
    private void OnInternet()
    {
        if (model.InterfaceWithPublicAddress(Destination) is not null || model.InterfacesWithPrivateAddress(Destination).Any(i => i.Ipv6Addresses.Contains(Destination)))
        {
            EnterFromInternet();
            return;
        }

        Leave(ExitKind.Internet, "internet", "internet", $"the internet ({Destination})");
    }

    private void EnterFromInternet()
    {
        NetworkInterface? target;
        IpPrefix privateAddress;
        if (Destination.IsIpv6)
        {
            target = model.InterfacesWithPrivateAddress(Destination).FirstOrDefault();
            privateAddress = Destination;
        }
        else
        {
            target = model.InterfaceWithPublicAddress(Destination);
            privateAddress = target?.PrivateFor(Destination) ?? Destination;
        }

        if (target is null)
        {
            Block(AddressScope.IsPublic(Destination) ? ExplanationCodes.AddressNotAssigned : ExplanationCodes.PrivateAddressOnInternet, Destination.ToString(),
                AddressScope.IsPublic(Destination) ? $"no interface in the snapshot holds {Destination}" : $"{Destination} is not a public address: the internet cannot reach it");
            return;
        }

        // An egress-only gateway is stateful: replies to connections the VPC opened come back through it.
        var gateway = model.InternetGatewayOf(target.VpcId, false) ?? (Returning && Destination.IsIpv6 ? model.InternetGatewayOf(target.VpcId, true) : null);
        if (gateway is null)
        {
            var egressOnly = Destination.IsIpv6 ? model.InternetGatewayOf(target.VpcId, true) : null;
            Block(egressOnly is null ? ExplanationCodes.NoInternetGateway : ExplanationCodes.EgressOnlyGatewayInbound, egressOnly?.Id ?? target.VpcId,
                egressOnly is null ? $"{target.VpcId} has no internet gateway" : $"{egressOnly.Id} is egress-only: the internet cannot open connections through it");
            return;
        }

        var translation = Destination.IsIpv6 ? null : $"destination {Destination} -> {privateAddress}";
        Hops.Add(new Hop(gateway.Id, "internet-gateway", "forward", $"into {target.VpcId}", translation, Allowed.Certain));
        Destination = privateAddress;
        if (model.EdgeRouteTableOf(gateway.Id) is { } edge && edge.Lookup(privateAddress) is { } ingress && ingress.Kind is RouteTargetKind.NetworkInterface or RouteTargetKind.Instance
            or RouteTargetKind.Unmodelled)
        {
            Hops.Add(new Hop(edge.Id, "route-table", "route", $"gateway route table: {ingress}", null, null));
            if (model.FirewallEndpoint(ingress.Target) is { } firewall)
            {
                ToFirewall(firewall.Firewall, ingress.Target, firewall.SubnetId, null, 0);
                return;
            }

            if (ingress.Kind == RouteTargetKind.Unmodelled)
            {
                NotModelled(ingress.Target, $"ingress routing sends {privateAddress} to {ingress.Target}, which is not modelled");
                return;
            }

            if (!model.Vpcs.TryGetValue(target.VpcId, out var vpc))
            {
                Unknown($"VPC {target.VpcId}: not in the snapshot");
                return;
            }

            ToAppliance(ingress.Target, null, 0, vpc);
            return;
        }

        if (!model.Subnets.TryGetValue(target.SubnetId, out var subnet))
        {
            Unknown($"subnet {target.SubnetId}: not in the snapshot (ec2:DescribeSubnets)");
            return;
        }

        if (AclIn(subnet))
        {
            ArriveAt(target, subnet, 0);
        }
    }

    private void ToNat(string natId, Subnet from, int depth)
    {
        if (!model.NatGateways.TryGetValue(natId, out var nat))
        {
            Unknown($"NAT gateway {natId}: not in the snapshot (ec2:DescribeNatGateways)");
            return;
        }

        if (nat.State != "available")
        {
            Block(ExplanationCodes.NatGatewayUnavailable, natId, $"NAT gateway {natId} is {nat.State}");
            return;
        }

        if (Returning)
        {
            Hops.Add(new Hop(natId, "nat-gateway", "drop", "a reply sent to a NAT gateway would leave with the NAT's address", null, null));
            Block(ExplanationCodes.AsymmetricReturn, natId, $"the reply to {Destination} is routed to NAT gateway {natId}, not back the way the request came");
            return;
        }

        if (nat.PrivateAddress is not { } natAddress || !model.Subnets.TryGetValue(nat.SubnetId, out var natSubnet))
        {
            Unknown($"NAT gateway {natId}: its address or subnet is not in the snapshot");
            return;
        }

        if (Source.IsIpv6)
        {
            Block(ExplanationCodes.AddressFamilyMismatch, natId, "NAT gateways translate IPv4 (NAT64 is not modelled)");
            return;
        }

        if (from.Id != natSubnet.Id && (!AclOut(from) || !AclIn(natSubnet)))
        {
            return;
        }

        natOrigins[natId] = Source;
        Hops.Add(new Hop(natId, "nat-gateway", "translate", Name(natId, nat.Name), $"source {Source} -> {natAddress}", Allowed.Certain));
        Source = natAddress;
        Sender = nat.InterfaceId is { } eni ? model.Interfaces.GetValueOrDefault(eni) : null;
        Translated = true;
        RouteFrom(natSubnet, depth + 1);
    }

    private void ToTransitGateway(string tgwId, Subnet from, int depth)
    {
        if (model.AttachmentOf(tgwId, from.VpcId) is not { } attachment)
        {
            if (!model.TransitGateways.ContainsKey(tgwId) && model.Coverage.Missing(from.Scope.Account, from.Scope.Region, "ec2", "DescribeTransitGatewayAttachments") is { } missing)
            {
                Unknown($"transit gateway {tgwId}: {missing}");
                return;
            }

            Block(ExplanationCodes.TransitGatewayNotAttached, tgwId, $"{from.VpcId} has no attachment to transit gateway {tgwId}");
            return;
        }

        var attachmentSubnet = AttachmentSubnet(attachment, from);
        if (attachmentSubnet is not null && attachmentSubnet.Id != from.Id)
        {
            if (!AclOut(from) || !AclIn(attachmentSubnet))
            {
                return;
            }
        }
        else if (attachmentSubnet is null && !AclOut(from))
        {
            return;
        }

        CrossedTransitGateway = true;
        if (model.TransitGateways.TryGetValue(tgwId, out var tgw) && !tgw.SecurityGroupReferencing)
        {
            TransitGatewayReferencing = false;
        }

        Hops.Add(new Hop(attachment.Id, "transit-gateway-attachment", "forward", $"{from.VpcId} into {tgwId}", null, null));
        TransitRoute(tgwId, attachment, depth + 1);
    }

    private Subnet? AttachmentSubnet(TransitGatewayAttachment attachment, Subnet? near)
    {
        var subnets = attachment.SubnetIds.Select(id => model.Subnets.GetValueOrDefault(id)).OfType<Subnet>().ToList();
        return subnets.FirstOrDefault(s => near is not null && s.Zone == near.Zone) ?? subnets.FirstOrDefault();
    }

    private void TransitRoute(string tgwId, TransitGatewayAttachment ingress, int depth)
    {
        if (depth > MaxHops)
        {
            Block(ExplanationCodes.LoopDetected, tgwId, "the packet loops between transit gateways");
            return;
        }

        var owner = model.TransitGateways.GetValueOrDefault(tgwId)?.Owner;
        if (ingress.RouteTableId is not { } tableId)
        {
            if (owner is null || !model.Accounts.ContainsKey(owner) || model.TransitGatewayRouteTables.Values.All(t => t.TransitGatewayId != tgwId))
            {
                Unknown($"transit gateway {tgwId}: its route tables were not collected (ec2:DescribeTransitGatewayRouteTables, ec2:SearchTransitGatewayRoutes in its owner account {owner ?? "unknown"})");
                return;
            }

            Block(ExplanationCodes.TransitGatewayAttachmentNotAssociated, ingress.Id, $"attachment {ingress.Id} is not associated with a route table of {tgwId}");
            return;
        }

        if (!model.TransitGatewayRouteTables.TryGetValue(tableId, out var table) || !table.RoutesCollected)
        {
            Unknown($"transit gateway route table {tableId}: its routes were not collected (ec2:SearchTransitGatewayRoutes in account {owner ?? "unknown"})");
            return;
        }

        var route = table.Lookup(Destination);
        if (route is null)
        {
            Hops.Add(new Hop(table.Id, "transit-gateway-route-table", "route", $"no route matches {Destination}", null, null));
            Block(ExplanationCodes.NoRouteToDestination, table.Id, $"transit gateway route table {Name(table.Id, table.Name)} has no route to {Destination}");
            return;
        }

        Hops.Add(new Hop(table.Id, "transit-gateway-route-table", "route", route.ToString(), null, null));
        if (route.Blackhole || route.AttachmentId is null)
        {
            Block(ExplanationCodes.BlackholeRoute, table.Id, $"route {route.Destination} in {Name(table.Id, table.Name)} is a blackhole");
            return;
        }

        if (model.Attachment(tgwId, route.AttachmentId) is not { } egress)
        {
            Unknown($"transit gateway attachment {route.AttachmentId}: not in the snapshot (ec2:DescribeTransitGatewayAttachments)");
            return;
        }

        switch (egress.ResourceType)
        {
            case "vpc":
                Hops.Add(new Hop(egress.Id, "transit-gateway-attachment", "forward", $"{tgwId} into {egress.ResourceId}", null, null));
                if (!model.Vpcs.TryGetValue(egress.ResourceId, out var vpc))
                {
                    Unknown($"VPC {egress.ResourceId} (account {egress.ResourceOwner ?? "unknown"}): not in the snapshot");
                    return;
                }

                if (AttachmentSubnet(egress, null) is not { } subnet)
                {
                    Unknown($"the subnets of attachment {egress.Id} are not in the snapshot (ec2:DescribeTransitGatewayVpcAttachments)");
                    return;
                }

                // Traffic from a transit gateway is routed by the route table of the attachment's subnet.
                RouteFrom(subnet, depth + 1);
                break;
            case "peering":
                Hops.Add(new Hop(egress.Id, "transit-gateway-attachment", "forward", $"{tgwId} to peer transit gateway {egress.ResourceId}", null, null));
                if (model.Attachment(egress.ResourceId, egress.Id) is not { } peerEnd)
                {
                    Unknown($"transit gateway {egress.ResourceId} (peer of {tgwId}): not in the snapshot");
                    return;
                }

                TransitRoute(egress.ResourceId, peerEnd, depth + 1);
                break;
            case "vpn" or "direct-connect-gateway":
                Leave(ExitKind.OnPremises, egress.Id, "transit-gateway-attachment", $"on premises through {egress.ResourceType} {egress.ResourceId}");
                break;
            default:
                NotModelled(egress.Id, $"transit gateway attachment type {egress.ResourceType} is not modelled");
                break;
        }
    }

    private void ToPeering(string peeringId, Subnet from, int depth)
    {
        if (!model.Peerings.TryGetValue(peeringId, out var peering))
        {
            Unknown($"VPC peering {peeringId}: not in the snapshot (ec2:DescribeVpcPeeringConnections)");
            return;
        }

        if (!peering.Active)
        {
            Block(ExplanationCodes.PeeringNotActive, peeringId, $"peering {peeringId} is {peering.Status}");
            return;
        }

        if (peering.PeerOf(from.VpcId) is not { } peer)
        {
            Block(ExplanationCodes.NoRouteToDestination, peeringId, $"{from.VpcId} is not a side of peering {peeringId}");
            return;
        }

        if (!peer.Cidrs.Any(c => c.Contains(Destination)))
        {
            Block(ExplanationCodes.PeeringNotTransitive, peeringId,
                $"{Destination} is not in the peer VPC {peer.VpcId} ({string.Join(", ", peer.Cidrs)}): peering is not transitive");
            return;
        }

        if (!AclOut(from))
        {
            return;
        }

        CrossedPeering = true;
        var here = model.Vpcs.GetValueOrDefault(from.VpcId)?.Scope.Region;
        if (peer.Region is not null && here is not null && peer.Region != here)
        {
            CrossedRegionPeering = true;
        }

        Hops.Add(new Hop(peeringId, "vpc-peering-connection", "forward", $"{from.VpcId} to {peer.VpcId}{(peer.Owner is null ? "" : $" (account {peer.Owner}, {peer.Region})")}", null, null));
        if (!model.Vpcs.TryGetValue(peer.VpcId, out var vpc))
        {
            Unknown($"peer VPC {peer.VpcId} (account {peer.Owner ?? "unknown"}): not in the snapshot");
            return;
        }

        EnterVpc(vpc, peeringId, depth + 1);
    }

    /// <summary>A packet arriving at a VPC from a gateway: ingress routing if the gateway has an edge route table, else local delivery.</summary>
    private void EnterVpc(Vpc vpc, string gatewayId, int depth)
    {
        var edge = model.EdgeRouteTableOf(gatewayId);
        var ingress = edge?.Lookup(Destination);
        if (edge is not null && ingress is not null && model.FirewallEndpoint(ingress.Target) is { } firewall)
        {
            Hops.Add(new Hop(edge.Id, "route-table", "route", $"gateway route table: {ingress}", null, null));
            ToFirewall(firewall.Firewall, ingress.Target, firewall.SubnetId, null, depth);
            return;
        }

        if (edge is not null && ingress is not null && ingress.Kind is RouteTargetKind.NetworkInterface or RouteTargetKind.Instance)
        {
            Hops.Add(new Hop(edge.Id, "route-table", "route", $"gateway route table: {ingress}", null, null));
            ToAppliance(ingress.Target, null, depth, vpc);
            return;
        }

        if (!vpc.Contains(Destination))
        {
            Block(ExplanationCodes.NoRouteToDestination, vpc.Id, $"{Destination} is not in {vpc.Id}");
            return;
        }

        DeliverInVpc(vpc, null, depth);
    }

    private void ToEndpoint(string endpointId, Subnet from)
    {
        if (model.Endpoints.TryGetValue(endpointId, out var endpoint) && endpoint.Type != "Gateway")
        {
            NotModelled(endpointId, $"{endpoint.Type} endpoint {endpointId} ({endpoint.ServiceName}) as a route target is not modelled");
            return;
        }

        if (!AclOut(from))
        {
            return;
        }

        Leave(ExitKind.AwsService, endpointId, "vpc-endpoint", $"AWS service {endpoint?.ServiceName ?? "(gateway endpoint)"} through {endpointId}");
    }

    private void ToAppliance(string target, Subnet? from, int depth, Vpc? entering = null)
    {
        var eni = model.Interfaces.GetValueOrDefault(target)
            ?? (model.Instances.TryGetValue(target, out var instance) && instance.InterfaceIds.Count > 0 ? model.Interfaces.GetValueOrDefault(instance.InterfaceIds[0]) : null);
        if (eni is null || !model.Subnets.TryGetValue(eni.SubnetId, out var subnet))
        {
            Unknown($"route target {target}: not in the snapshot (ec2:DescribeNetworkInterfaces)");
            return;
        }

        if (from is not null && from.Id != subnet.Id && (!AclOut(from) || !AclIn(subnet)))
        {
            return;
        }

        if (entering is not null && !AclIn(subnet))
        {
            return;
        }

        if (eni.SourceDestCheck)
        {
            Hops.Add(new Hop(eni.Id, "network-interface", "drop", "source/destination check is enabled", null, null));
            Block(ExplanationCodes.SourceDestinationCheck, eni.Id, $"{eni.Id} receives traffic for {Destination} but has source/destination checking enabled, so it drops it");
            return;
        }

        Hops.Add(new Hop(eni.Id, "network-interface", "forward", $"appliance forwards (its own security groups and software are not modelled)", null, Allowed.Certain));
        Notes.Add($"{eni.Id} forwards as an appliance; what its software does with the traffic is assumed, not modelled");
        RouteFrom(subnet, depth + 1);
    }

    private bool AclOut(Subnet subnet) => Acl(subnet, inbound: false);

    private bool AclIn(Subnet subnet) => Acl(subnet, inbound: true);

    private bool Acl(Subnet subnet, bool inbound)
    {
        var peer = new Peer(inbound ? Source : Destination, null);
        FilterResult result;
        if (Returning)
        {
            var query = ReturnTraffic(Allowed.Possible);
            result = NetworkAclEvaluator.Evaluate(model, subnet, inbound, peer, query);
            var surviving = new TrafficBounds(Survive(Allowed.Certain, result.Allowed.Certain, options), Survive(Allowed.Possible, result.Allowed.Possible, options));
            var denied = query.Except(result.Allowed.Possible);
            if (!denied.IsEmpty && !surviving.IsEmpty)
            {
                Notes.Add($"return traffic through {subnet.Id}: {denied} is denied; clients whose ephemeral ports fall there get no reply");
            }

            Apply(subnet, "network-acl", inbound, result, surviving, "return traffic (ephemeral ports)");
        }
        else
        {
            result = NetworkAclEvaluator.Evaluate(model, subnet, inbound, peer, Allowed.Possible);
            Apply(subnet, "network-acl", inbound, result, Allowed.Intersect(result.Allowed), null);
        }

        return Blocked is null;
    }

    private void Apply(Subnet subnet, string type, bool inbound, FilterResult result, TrafficBounds next, string? what)
    {
        var acl = model.AclOf(subnet)?.Id ?? subnet.Id;
        Unknowns.AddRange(result.Unknowns);
        Allowed = next;
        var rules = result.Rules.Count == 0 ? "no entry allows it" : string.Join("; ", result.Rules);
        Hops.Add(new Hop(acl, type, inbound ? "inbound" : "outbound", $"{subnet.Id}{(what is null ? "" : " " + what)}: {rules}", null, next.Certain));
        if (next.IsEmpty)
        {
            Block(ExplanationCodes.SubnetAclRestriction, acl,
                $"network ACL {acl} of {subnet.Id} denies {(what ?? "the traffic")} {(inbound ? "from" : "to")} {(inbound ? Source : Destination)} ({(inbound ? "inbound" : "outbound")} rules)");
        }
    }

    /// <summary>What a reply looks like to a network ACL: TCP and UDP to the client's ephemeral ports, ICMP echo replies, other protocols unchanged.</summary>
    private TrafficSet ReturnTraffic(TrafficSet forward) => new(
        forward.Tcp.IsEmpty ? PortSet.Empty : options.EphemeralPorts,
        forward.Udp.IsEmpty ? PortSet.Empty : options.EphemeralPorts,
        forward.Icmp.IsEmpty ? PortSet.Empty : PortSet.Single(0),
        forward.Icmpv6.IsEmpty ? PortSet.Empty : PortSet.Single(129),
        forward.OtherProtocols);

    /// <summary>
    /// A forward TCP or UDP set survives when the replies reach every ephemeral port of at least one common client
    /// (<see cref="ReachOptions.ClientEphemeralRanges"/>); ICMP when echo replies pass; other protocols as they are.
    /// </summary>
    private static TrafficSet Survive(TrafficSet forward, TrafficSet replies, ReachOptions options) => new(
        options.ClientEphemeralRanges.Any(replies.Tcp.IsSupersetOf) ? forward.Tcp : PortSet.Empty,
        options.ClientEphemeralRanges.Any(replies.Udp.IsSupersetOf) ? forward.Udp : PortSet.Empty,
        replies.Icmp.IsEmpty ? PortSet.Empty : forward.Icmp,
        replies.Icmpv6.IsEmpty ? PortSet.Empty : forward.Icmpv6,
        forward.OtherProtocols.Intersect(replies.OtherProtocols));

    /// <summary>Narrows what gets through by a security group verdict and records the hop; false when nothing is left.</summary>
    public bool Filter(string resourceId, string hopResource, string type, string action, FilterResult result, string code, string explanation)
    {
        Unknowns.AddRange(result.Unknowns);
        Allowed = Allowed.Intersect(result.Allowed);
        var rules = result.Rules.Count == 0 ? "no rule allows it" : string.Join("; ", result.Rules);
        Hops.Add(new Hop(hopResource, type, action, rules, null, Allowed.Certain));
        if (Allowed.IsEmpty)
        {
            Block(code, resourceId, explanation);
            return false;
        }

        return true;
    }

    /// <summary>Starts a return walk from what the forward walk let through, unknowns included.</summary>
    public void Restrict(TrafficBounds bounds) => Allowed = Allowed.Intersect(bounds);

    /// <summary>Puts a hop first (the source's security group check, made once the path is known).</summary>
    public void InsertFirst(Hop hop) => Hops.Insert(Math.Min(1, Hops.Count), hop);

    private void Leave(ExitKind kind, string via, string type, string description)
    {
        Hops.Add(new Hop(via, type, "exit", description, null, Allowed.Certain));
        Exit = kind;
        ExitVia = via;
        ExitDescription = description;
    }

    public void Block(string code, string resourceId, string explanation) => Blocked ??= new Blocker(code, resourceId, explanation, Returning);

    private void Unknown(string why)
    {
        Unknowns.Add(why);
        Undecided = true;
    }

    private void NotModelled(string resourceId, string why)
    {
        Hops.Add(new Hop(resourceId, "unmodelled", "stop", why, null, null));
        Unknown(why);
    }

    /// <summary>A public address or range, or the whole address space (the internet as a destination).</summary>
    internal static bool IsInternet(IpPrefix prefix) => prefix.Length == 0 || AddressScope.IsPublic(prefix);

    private static string Name(string id, string? name) => name is null ? id : $"{id} ({name})";
}
