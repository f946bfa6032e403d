using System.Text.Json;
using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Network.Addressing;
using Argus.Network.Model.Firewall;
using Argus.Network.Traffic;

namespace Argus.Network.Model;

/// <summary>
/// Reads raw documents into a <see cref="NetworkModel"/>. The same resource may be listed by several accounts (a
/// peering by both sides, a shared transit gateway by every account): the richest view wins. Route tables are
/// finished last, when every prefix list is known.
/// </summary>
internal sealed class NetworkModelBuilder
{
    private readonly NetworkModel model;
    private readonly List<(JsonElement Table, ResourceScope Scope)> pendingRouteTables = [];
    private readonly Dictionary<string, string> transitTableGateway = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> transitTableNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TransitGatewayRoute>> transitRoutes = new(StringComparer.Ordinal);
    private readonly List<(string Table, string Attachment)> transitAssociations = [];
    private readonly Dictionary<string, List<Listener>> listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Target>> targets = new(StringComparer.Ordinal);
    private readonly List<(JsonElement Group, ResourceScope Scope)> pendingTargetGroups = [];
    private readonly List<(JsonElement Balancer, ResourceScope Scope)> pendingBalancers = [];
    private readonly Dictionary<string, (string? InstanceId, int Index)> interfaceDevice = new(StringComparer.Ordinal);
    private readonly List<(string Eni, IpPrefix Private, IpPrefix Public)> elasticIps = [];

    public NetworkModelBuilder(IReadOnlyList<CoverageGap> gaps) => model = new NetworkModel(new Coverage(gaps));

    public NetworkModel Build(IEnumerable<RawDocument> documents)
    {
        foreach (var document in documents)
        {
            if (document.Provider != Provider.Aws)
            {
                continue;
            }

            model.Coverage.Saw(document.Account, document.Region, document.Operation);
            if (document.Region != Regions.Global)
            {
                if (!model.accounts.TryGetValue(document.Account, out var regions))
                {
                    model.accounts[document.Account] = regions = new SortedSet<string>(StringComparer.Ordinal);
                }

                regions.Add(document.Region);
            }

            Read(document);
        }

        Finish();
        return model;
    }

    private void Read(RawDocument document)
    {
        if (!Handles(document.Operation))
        {
            return;
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(document.Json);
        }
        catch (JsonException e)
        {
            throw ImportException.FromJson(document.ToString(), e);
        }

        // Elements are kept past this method (route tables, load balancers), so the document stays alive.
        var root = json.RootElement;
        var scope = new ResourceScope(document.Account, document.Region);
        switch (document.Operation)
        {
            case "DescribeVpcs": Each(root, "Vpcs", v => Vpc(v, scope)); break;
            case "DescribeSubnets": Each(root, "Subnets", s => Subnet(s, scope)); break;
            case "DescribeRouteTables": Each(root, "RouteTables", t => pendingRouteTables.Add((t, scope))); break;
            case "DescribeInternetGateways": Each(root, "InternetGateways", g => Gateway(g, "InternetGatewayId", false)); break;
            case "DescribeEgressOnlyInternetGateways": Each(root, "EgressOnlyInternetGateways", g => Gateway(g, "EgressOnlyInternetGatewayId", true)); break;
            case "DescribeNatGateways": Each(root, "NatGateways", Nat); break;
            case "DescribeTransitGateways": Each(root, "TransitGateways", g => TransitGateway(g, scope)); break;
            case "DescribeTransitGatewayAttachments": Each(root, "TransitGatewayAttachments", Attachment); break;
            case "DescribeTransitGatewayVpcAttachments": Each(root, "TransitGatewayVpcAttachments", VpcAttachment); break;
            case "DescribeTransitGatewayRouteTables": Each(root, "TransitGatewayRouteTables", TransitTable); break;
            case "SearchTransitGatewayRoutes" when document.Resource is { } table: TransitRoutes(root, table); break;
            case "GetTransitGatewayRouteTableAssociations" when document.Resource is { } table:
                Each(root, "Associations", a => transitAssociations.Add((table, a.Str("TransitGatewayAttachmentId") ?? ""))); break;
            case "DescribeVpcPeeringConnections": Each(root, "VpcPeeringConnections", Peering); break;
            case "DescribeVpnGateways": Each(root, "VpnGateways", VpnGateway); break;
            case "DescribeVpnConnections": Each(root, "VpnConnections", VpnConnection); break;
            case "DescribeNetworkInterfaces": Each(root, "NetworkInterfaces", i => Interface(i, scope)); break;
            case "DescribeInstances": Each(root, "Reservations", r => Each(r, "Instances", i => Instance(i, scope))); break;
            case "DescribeSecurityGroups": Each(root, "SecurityGroups", g => SecurityGroup(g, scope)); break;
            case "DescribeNetworkAcls": Each(root, "NetworkAcls", NetworkAcl); break;
            case "DescribeManagedPrefixLists": Each(root, "PrefixLists", PrefixList); break;
            case "GetManagedPrefixListEntries" when document.Resource is { } list: PrefixListEntries(root, list); break;
            case "DescribeVpcEndpoints": Each(root, "VpcEndpoints", Endpoint); break;
            case "DescribeAddresses": Each(root, "Addresses", Address); break;
            case "DescribeLoadBalancers": Each(root, "LoadBalancers", b => pendingBalancers.Add((b, scope))); break;
            case "DescribeListeners" when document.Resource is { } balancer: Listeners(root, balancer); break;
            case "DescribeTargetGroups": Each(root, "TargetGroups", g => pendingTargetGroups.Add((g, scope))); break;
            case "DescribeTargetHealth" when document.Resource is { } group: Targets(root, group); break;
            case "DescribeFirewall": Firewall(root, scope); break;
            case "DescribeFirewallPolicy" when FirewallReader.Policy(root) is { } policy: model.firewallPolicies[policy.Arn] = policy; break;
            case "DescribeRuleGroup" when FirewallReader.RuleGroup(root) is { } group: model.firewallRuleGroups[group.Arn] = group; break;
        }
    }

    private static bool Handles(string operation) => operation is "DescribeVpcs" or "DescribeSubnets" or "DescribeRouteTables" or "DescribeInternetGateways"
        or "DescribeEgressOnlyInternetGateways" or "DescribeNatGateways" or "DescribeTransitGateways" or "DescribeTransitGatewayAttachments"
        or "DescribeTransitGatewayVpcAttachments" or "DescribeTransitGatewayRouteTables" or "SearchTransitGatewayRoutes" or "GetTransitGatewayRouteTableAssociations"
        or "DescribeVpcPeeringConnections" or "DescribeVpnGateways" or "DescribeVpnConnections" or "DescribeNetworkInterfaces" or "DescribeInstances"
        or "DescribeSecurityGroups" or "DescribeNetworkAcls" or "DescribeManagedPrefixLists" or "GetManagedPrefixListEntries" or "DescribeVpcEndpoints"
        or "DescribeAddresses" or "DescribeLoadBalancers" or "DescribeListeners" or "DescribeTargetGroups" or "DescribeTargetHealth"
        or "DescribeFirewall" or "DescribeFirewallPolicy" or "DescribeRuleGroup";

    private static void Each(JsonElement root, string key, Action<JsonElement> read)
    {
        foreach (var item in root.Arr(key))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                read(item);
            }
        }
    }

    private static IEnumerable<IpPrefix> Prefixes(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (IpPrefix.TryParse(text, out var prefix))
            {
                yield return prefix;
            }
        }
    }

    private void Firewall(JsonElement root, ResourceScope scope)
    {
        if (FirewallReader.Firewall(root, scope) is not { } firewall)
        {
            return;
        }

        model.firewalls[firewall.Arn] = firewall;
        foreach (var (endpoint, subnet) in firewall.EndpointSubnets)
        {
            model.firewallEndpoints[endpoint] = (firewall, subnet);
        }
    }

    private void Vpc(JsonElement v, ResourceScope scope)
    {
        if (v.Str("VpcId") is not { } id || model.vpcs.ContainsKey(id))
        {
            return;
        }

        var cidrs = Prefixes([
            v.Str("CidrBlock"),
            .. v.Arr("CidrBlockAssociationSet").Where(a => a.Obj("CidrBlockState")?.Str("State") is null or "associated").Select(a => a.Str("CidrBlock")),
            .. v.Arr("Ipv6CidrBlockAssociationSet").Where(a => a.Obj("Ipv6CidrBlockState")?.Str("State") is null or "associated").Select(a => a.Str("Ipv6CidrBlock")),
        ]).Distinct().ToList();
        model.vpcs[id] = new Vpc(id, v.NameTag(), scope with { Account = v.Str("OwnerId") ?? scope.Account }, cidrs);
    }

    private void Subnet(JsonElement s, ResourceScope scope)
    {
        if (s.Str("SubnetId") is not { } id || s.Str("VpcId") is not { } vpc || model.subnets.ContainsKey(id))
        {
            return;
        }

        var cidrs = Prefixes([s.Str("CidrBlock"), .. s.Arr("Ipv6CidrBlockAssociationSet").Select(a => a.Str("Ipv6CidrBlock"))]).ToList();
        model.subnets[id] = new Subnet(id, s.NameTag(), vpc, scope with { Account = s.Str("OwnerId") ?? scope.Account }, cidrs, s.Str("AvailabilityZone"));
    }

    private void Gateway(JsonElement g, string idKey, bool egressOnly)
    {
        if (g.Str(idKey) is not { } id)
        {
            return;
        }

        var vpcs = g.Arr("Attachments").Where(a => a.Str("State") is null or "available" or "attached").Select(a => a.Str("VpcId")).OfType<string>().ToList();
        model.internetGateways[id] = new InternetGateway(id, egressOnly, vpcs);
    }

    private void Nat(JsonElement n)
    {
        if (n.Str("NatGatewayId") is not { } id || n.Str("SubnetId") is not { } subnet || n.Str("VpcId") is not { } vpc)
        {
            return;
        }

        var addresses = n.Arr("NatGatewayAddresses").ToList();
        var primary = addresses.FirstOrDefault(a => a.Bool("IsPrimary") != false);
        IpPrefix? Parse(string? text) => IpPrefix.TryParse(text, out var p) ? p : null;
        model.natGateways[id] = new NatGateway(
            id, n.NameTag(), subnet, vpc, n.Str("ConnectivityType") != "private", n.Str("State") ?? "available",
            primary.ValueKind == JsonValueKind.Object ? primary.Str("NetworkInterfaceId") : null,
            primary.ValueKind == JsonValueKind.Object ? Parse(primary.Str("PrivateIp")) : null,
            primary.ValueKind == JsonValueKind.Object ? Parse(primary.Str("PublicIp")) : null);
    }

    private void TransitGateway(JsonElement g, ResourceScope scope)
    {
        if (g.Str("TransitGatewayId") is not { } id || model.transitGateways.ContainsKey(id))
        {
            return;
        }

        model.transitGateways[id] = new TransitGateway(
            id, g.NameTag(), g.Str("OwnerId") ?? scope.Account, scope.Region, g.Obj("Options")?.Str("SecurityGroupReferencingSupport") == "enable");
    }

    private void Attachment(JsonElement a)
    {
        if (a.Str("TransitGatewayAttachmentId") is not { } id || a.Str("TransitGatewayId") is not { } tgw || a.Str("State") is "deleted" or "deleting" or "failed" or "rejected")
        {
            return;
        }

        var key = NetworkModel.AttachmentKey(tgw, id);
        var table = a.Obj("Association") is { } association && association.Str("State") is "associated" or "associating" ? association.Str("TransitGatewayRouteTableId") : null;
        var known = model.attachments.GetValueOrDefault(key);
        model.attachments[key] = new TransitGatewayAttachment(
            id, a.NameTag() ?? known?.Name, tgw, a.Str("ResourceType") ?? known?.ResourceType ?? "", a.Str("ResourceId") ?? known?.ResourceId ?? "",
            a.Str("ResourceOwnerId") ?? known?.ResourceOwner, table ?? known?.RouteTableId, known?.SubnetIds ?? []);
        if (a.Str("ResourceType") == "vpc" && a.Str("ResourceId") is { } vpc)
        {
            model.attachmentByVpc[(tgw, vpc)] = id;
        }
    }

    private void VpcAttachment(JsonElement a)
    {
        if (a.Str("TransitGatewayAttachmentId") is not { } id || a.Str("TransitGatewayId") is not { } tgw || a.Str("VpcId") is not { } vpc
            || a.Str("State") is "deleted" or "deleting" or "failed" or "rejected")
        {
            return;
        }

        var key = NetworkModel.AttachmentKey(tgw, id);
        var subnets = a.Arr("SubnetIds").Select(s => s.GetString()).OfType<string>().ToList();
        var known = model.attachments.GetValueOrDefault(key);
        model.attachments[key] = known is null
            ? new TransitGatewayAttachment(id, a.NameTag(), tgw, "vpc", vpc, a.Str("VpcOwnerId"), null, subnets)
            : known with { SubnetIds = subnets };
        model.attachmentByVpc[(tgw, vpc)] = id;
    }

    private void TransitTable(JsonElement t)
    {
        if (t.Str("TransitGatewayRouteTableId") is { } id && t.Str("TransitGatewayId") is { } tgw)
        {
            transitTableGateway[id] = tgw;
            transitTableNames[id] = t.NameTag();
        }
    }

    private void TransitRoutes(JsonElement root, string table)
    {
        var routes = transitRoutes.TryGetValue(table, out var list) ? list : transitRoutes[table] = [];
        foreach (var r in root.Arr("Routes"))
        {
            if (!IpPrefix.TryParse(r.Str("DestinationCidrBlock"), out var destination) || r.Str("State") is "deleted" or "deleting" or "pending")
            {
                continue;
            }

            var blackhole = r.Str("State") == "blackhole";
            var attachment = r.Arr("TransitGatewayAttachments").Select(a => a.Str("TransitGatewayAttachmentId")).FirstOrDefault(a => a is not null);
            routes.Add(new TransitGatewayRoute(destination, blackhole ? null : attachment, blackhole || attachment is null, r.Str("Type") ?? "static"));
        }
    }

    private void Peering(JsonElement p)
    {
        if (p.Str("VpcPeeringConnectionId") is not { } id || p.Obj("RequesterVpcInfo") is not { } requester || p.Obj("AccepterVpcInfo") is not { } accepter)
        {
            return;
        }

        static PeeringSide Side(JsonElement info) => new(
            info.Str("VpcId") ?? "",
            info.Str("OwnerId"),
            info.Str("Region"),
            Prefixes([info.Str("CidrBlock"), .. info.Arr("CidrBlockSet").Select(c => c.Str("CidrBlock")), .. info.Arr("Ipv6CidrBlockSet").Select(c => c.Str("Ipv6CidrBlock"))])
                .Distinct().ToList());

        var peering = new VpcPeering(id, p.NameTag(), Side(requester), Side(accepter), p.Obj("Status")?.Str("Code") ?? "active");
        if (!model.peerings.TryAdd(id, peering))
        {
            return;
        }

        foreach (var vpc in new[] { peering.Requester.VpcId, peering.Accepter.VpcId })
        {
            (model.peeringsByVpc.TryGetValue(vpc, out var ids) ? ids : model.peeringsByVpc[vpc] = []).Add(id);
        }
    }

    private void VpnGateway(JsonElement g)
    {
        if (g.Str("VpnGatewayId") is { } id)
        {
            model.vpnGateways[id] = new VpnGateway(id, g.NameTag(), [.. g.Arr("VpcAttachments").Where(a => a.Str("State") is null or "attached").Select(a => a.Str("VpcId")).OfType<string>()]);
        }
    }

    private void VpnConnection(JsonElement c)
    {
        if (c.Str("VpnConnectionId") is { } id && c.Str("State") is not ("deleted" or "deleting"))
        {
            model.vpnConnections[id] = new VpnConnection(
                id, c.NameTag(), c.Str("VpnGatewayId"), c.Str("TransitGatewayId"), c.Str("CustomerGatewayId"),
                [.. Prefixes(c.Arr("Routes").Where(r => r.Str("State") is null or "available").Select(r => r.Str("DestinationCidrBlock")))]);
        }
    }

    private void Interface(JsonElement i, ResourceScope scope)
    {
        if (i.Str("NetworkInterfaceId") is not { } id || i.Str("SubnetId") is not { } subnet || i.Str("VpcId") is not { } vpc || model.interfaces.ContainsKey(id))
        {
            return;
        }

        var privates = new List<IpPrefix>();
        var publics = new Dictionary<IpPrefix, IpPrefix>();
        foreach (var address in i.Arr("PrivateIpAddresses").OrderBy(a => a.Bool("Primary") == true ? 0 : 1))
        {
            if (IpPrefix.TryParse(address.Str("PrivateIpAddress"), out var p))
            {
                privates.Add(p);
                if (IpPrefix.TryParse(address.Obj("Association")?.Str("PublicIp"), out var pub))
                {
                    publics[p] = pub;
                }
            }
        }

        if (privates.Count == 0 && IpPrefix.TryParse(i.Str("PrivateIpAddress"), out var only))
        {
            privates.Add(only);
        }

        if (privates.Count > 0 && !publics.ContainsKey(privates[0]) && IpPrefix.TryParse(i.Obj("Association")?.Str("PublicIp"), out var primaryPublic))
        {
            publics[privates[0]] = primaryPublic;
        }

        var ipv6 = Prefixes(i.Arr("Ipv6Addresses").Select(a => a.Str("Ipv6Address"))).ToList();
        var attachment = i.Obj("Attachment");
        var eni = new NetworkInterface(
            id, scope with { Account = i.Str("OwnerId") ?? scope.Account }, subnet, vpc, i.Str("InterfaceType") ?? "interface", i.Str("Description"),
            attachment?.Str("InstanceId"), privates, ipv6, publics,
            [.. i.Arr("Groups").Select(g => g.Str("GroupId")).OfType<string>()], i.Bool("SourceDestCheck") ?? true);
        Index(eni);
    }

    private void Index(NetworkInterface eni)
    {
        model.interfaces[eni.Id] = eni;
        foreach (var address in eni.PrivateAddresses.Concat(eni.Ipv6Addresses))
        {
            model.interfaceByVpcAddress[(eni.VpcId, address)] = eni.Id;
            (model.interfacesByPrivateAddress.TryGetValue(address, out var ids) ? ids : model.interfacesByPrivateAddress[address] = []).Add(eni.Id);
        }

        foreach (var pub in eni.PublicAddresses.Values)
        {
            model.interfaceByPublicAddress[pub] = eni.Id;
        }
    }

    private void Instance(JsonElement i, ResourceScope scope)
    {
        if (i.Str("InstanceId") is not { } id || model.instances.ContainsKey(id))
        {
            return;
        }

        var interfaces = i.Arr("NetworkInterfaces")
            .Select(n => (Id: n.Str("NetworkInterfaceId"), Index: n.Obj("Attachment")?.Int("DeviceIndex") ?? 0))
            .Where(n => n.Id is not null)
            .OrderBy(n => n.Index)
            .ToList();
        foreach (var (eni, index) in interfaces)
        {
            interfaceDevice[eni!] = (id, index);
        }

        model.instances[id] = new Instance(id, i.NameTag(), scope, i.Obj("State")?.Str("Name"), [.. interfaces.Select(n => n.Id!)]);
    }

    private void SecurityGroup(JsonElement g, ResourceScope scope)
    {
        if (g.Str("GroupId") is not { } id || model.securityGroups.ContainsKey(id))
        {
            return;
        }

        model.securityGroups[id] = new SecurityGroup(
            id, g.Str("GroupName") ?? id, g.Str("VpcId"), scope with { Account = g.Str("OwnerId") ?? scope.Account },
            [.. g.Arr("IpPermissions").SelectMany(SecurityGroupRules)], [.. g.Arr("IpPermissionsEgress").SelectMany(SecurityGroupRules)]);
    }

    private static IEnumerable<SecurityGroupRule> SecurityGroupRules(JsonElement permission)
    {
        int? protocol;
        try
        {
            protocol = Protocols.Parse(permission.Str("IpProtocol"));
        }
        catch (FormatException)
        {
            yield break;
        }

        var traffic = TrafficSet.Of(protocol, permission.Int("FromPort"), permission.Int("ToPort"));
        var what = traffic.ToString();
        foreach (var range in permission.Arr("IpRanges").Concat(permission.Arr("Ipv6Ranges")))
        {
            if (IpPrefix.TryParse(range.Str("CidrIp") ?? range.Str("CidrIpv6"), out var cidr))
            {
                yield return new SecurityGroupRule(traffic, cidr, null, null, null, range.Str("Description"), $"{what} {cidr}");
            }
        }

        foreach (var list in permission.Arr("PrefixListIds"))
        {
            if (list.Str("PrefixListId") is { } id)
            {
                yield return new SecurityGroupRule(traffic, null, id, null, null, list.Str("Description"), $"{what} {id}");
            }
        }

        foreach (var pair in permission.Arr("UserIdGroupPairs"))
        {
            if (pair.Str("GroupId") is { } group)
            {
                var owner = pair.Str("UserId");
                yield return new SecurityGroupRule(traffic, null, null, group, owner, pair.Str("Description"), $"{what} {(owner is null ? "" : owner + "/")}{group}");
            }
        }
    }

    private void NetworkAcl(JsonElement a)
    {
        if (a.Str("NetworkAclId") is not { } id || a.Str("VpcId") is not { } vpc)
        {
            return;
        }

        var entries = new List<NetworkAclEntry>();
        foreach (var e in a.Arr("Entries"))
        {
            int? protocol;
            try
            {
                protocol = Protocols.Parse(e.Str("Protocol"));
            }
            catch (FormatException)
            {
                continue;
            }

            if (!IpPrefix.TryParse(e.Str("CidrBlock") ?? e.Str("Ipv6CidrBlock"), out var cidr) || e.Int("RuleNumber") is not { } number)
            {
                continue;
            }

            var icmp = e.Obj("IcmpTypeCode");
            var ports = e.Obj("PortRange");
            var traffic = protocol is Protocols.Icmp or Protocols.Icmpv6
                ? TrafficSet.Of(protocol, icmp?.Int("Type"), icmp?.Int("Type"))
                : TrafficSet.Of(protocol, ports?.Int("From"), ports?.Int("To"));
            entries.Add(new NetworkAclEntry(number, e.Bool("Egress") == true, e.Str("RuleAction") == "allow", cidr, traffic));
        }

        var isDefault = a.Bool("IsDefault") == true;
        model.networkAcls[id] = new NetworkAcl(
            id, a.NameTag(), vpc, isDefault,
            [.. entries.Where(e => !e.Egress).OrderBy(e => e.RuleNumber)], [.. entries.Where(e => e.Egress).OrderBy(e => e.RuleNumber)]);
        if (isDefault)
        {
            model.defaultAcl[vpc] = id;
        }

        foreach (var subnet in a.Arr("Associations").Select(s => s.Str("SubnetId")).OfType<string>())
        {
            model.subnetAcl[subnet] = id;
        }
    }

    private void PrefixList(JsonElement p)
    {
        if (p.Str("PrefixListId") is { } id)
        {
            var known = model.prefixLists.GetValueOrDefault(id);
            model.prefixLists[id] = (p.Str("PrefixListName") ?? known.Name, known.Entries);
        }
    }

    private void PrefixListEntries(JsonElement root, string id)
    {
        var known = model.prefixLists.GetValueOrDefault(id);
        model.prefixLists[id] = (known.Name, [.. Prefixes(root.Arr("Entries").Select(e => e.Str("Cidr")))]);
    }

    private void Endpoint(JsonElement e)
    {
        if (e.Str("VpcEndpointId") is { } id && e.Str("VpcId") is { } vpc)
        {
            model.endpoints[id] = new VpcEndpoint(
                id, vpc, e.Str("ServiceName") ?? "", e.Str("VpcEndpointType") ?? "Interface",
                [.. e.Arr("RouteTableIds").Select(r => r.GetString()).OfType<string>()], [.. e.Arr("NetworkInterfaceIds").Select(r => r.GetString()).OfType<string>()]);
        }
    }

    private void Address(JsonElement a)
    {
        if (a.Str("NetworkInterfaceId") is { } eni && IpPrefix.TryParse(a.Str("PrivateIpAddress"), out var p) && IpPrefix.TryParse(a.Str("PublicIp"), out var pub))
        {
            elasticIps.Add((eni, p, pub));
        }
    }

    private void Listeners(JsonElement root, string balancer)
    {
        var list = listeners.TryGetValue(balancer, out var l) ? l : listeners[balancer] = [];
        foreach (var listener in root.Arr("Listeners"))
        {
            var groups = listener.Arr("DefaultActions")
                .SelectMany(a => a.Obj("ForwardConfig") is { } forward
                    ? forward.Arr("TargetGroups").Select(g => g.Str("TargetGroupArn"))
                    : [a.Str("TargetGroupArn")])
                .OfType<string>().Distinct().ToList();
            list.Add(new Listener(listener.Str("ListenerArn") ?? "", listener.Int("Port") ?? 0, listener.Str("Protocol") ?? "", groups));
        }
    }

    private void Targets(JsonElement root, string group)
    {
        var list = targets.TryGetValue(group, out var l) ? l : targets[group] = [];
        foreach (var description in root.Arr("TargetHealthDescriptions"))
        {
            if (description.Obj("Target") is { } target && target.Str("Id") is { } id)
            {
                list.Add(new Target(id, target.Int("Port"), description.Obj("TargetHealth")?.Str("State")));
            }
        }
    }

    private void Finish()
    {
        foreach (var (eni, privateAddress, publicAddress) in elasticIps)
        {
            if (model.interfaces.TryGetValue(eni, out var known) && !known.PublicAddresses.ContainsKey(privateAddress) && known.Holds(privateAddress))
            {
                Index(known with { PublicAddresses = new Dictionary<IpPrefix, IpPrefix>(known.PublicAddresses) { [privateAddress] = publicAddress } });
            }
        }

        foreach (var (eni, (instance, _)) in interfaceDevice)
        {
            if (model.interfaces.TryGetValue(eni, out var known) && known.InstanceId is null)
            {
                model.interfaces[eni] = known with { InstanceId = instance };
            }
        }

        // Without a describe-instances answer, interfaces still say which instance they are attached to.
        foreach (var orphans in model.interfaces.Values.Where(i => i.InstanceId is not null && !model.instances.ContainsKey(i.InstanceId)).GroupBy(i => i.InstanceId!).ToList())
        {
            var first = orphans.OrderBy(i => i.Id, StringComparer.Ordinal).First();
            model.instances[orphans.Key] = new Instance(orphans.Key, null, first.Scope, null, [.. orphans.Select(i => i.Id).Order(StringComparer.Ordinal)]);
        }

        foreach (var (table, scope) in pendingRouteTables)
        {
            RouteTable(table, scope);
        }

        foreach (var (table, gateway) in transitTableGateway)
        {
            var collected = transitRoutes.TryGetValue(table, out var routes);
            model.transitRouteTables[table] = new TransitGatewayRouteTable(table, transitTableNames.GetValueOrDefault(table), gateway, routes ?? [], collected);
        }

        foreach (var (table, attachment) in transitAssociations)
        {
            if (transitTableGateway.TryGetValue(table, out var gateway) && model.attachments.TryGetValue(NetworkModel.AttachmentKey(gateway, attachment), out var known))
            {
                model.attachments[NetworkModel.AttachmentKey(gateway, attachment)] = known with { RouteTableId = table };
            }
        }

        foreach (var (group, scope) in pendingTargetGroups)
        {
            if (group.Str("TargetGroupArn") is { } arn)
            {
                var collected = targets.TryGetValue(arn, out var list);
                model.targetGroups[arn] = new TargetGroup(
                    arn, group.Str("TargetGroupName") ?? arn, group.Str("Protocol"), group.Int("Port"), group.Str("TargetType") ?? "instance", group.Str("VpcId"), list ?? [], collected);
            }
        }

        foreach (var (balancer, scope) in pendingBalancers)
        {
            if (balancer.Str("LoadBalancerArn") is { } arn)
            {
                var collected = listeners.TryGetValue(arn, out var list);
                model.loadBalancers[arn] = new LoadBalancer(
                    arn, balancer.Str("LoadBalancerName") ?? arn, balancer.Str("Type") ?? "application", balancer.Str("Scheme") == "internet-facing", balancer.Str("VpcId"), scope,
                    [.. balancer.Arr("AvailabilityZones").Select(z => z.Str("SubnetId")).OfType<string>()],
                    [.. balancer.Arr("SecurityGroups").Select(g => g.GetString()).OfType<string>()], list ?? [], collected);
            }
        }
    }

    private void RouteTable(JsonElement t, ResourceScope scope)
    {
        if (t.Str("RouteTableId") is not { } id || t.Str("VpcId") is not { } vpc || model.routeTables.ContainsKey(id))
        {
            return;
        }

        var routes = new List<Route>();
        var unknownLists = new List<string>();
        foreach (var r in t.Arr("Routes"))
        {
            var (kind, target) = Target(r);
            var blackhole = r.Str("State") == "blackhole";
            var origin = r.Str("Origin");
            if (r.Str("DestinationPrefixListId") is { } list)
            {
                if (model.prefixLists.GetValueOrDefault(list).Entries is { } entries)
                {
                    routes.AddRange(entries.Select(e => new Route(e, list, kind, target, blackhole, origin)));
                }
                else
                {
                    unknownLists.Add(list);
                }
            }
            else if (IpPrefix.TryParse(r.Str("DestinationCidrBlock") ?? r.Str("DestinationIpv6CidrBlock"), out var destination))
            {
                routes.Add(new Route(destination, null, kind, target, blackhole, origin));
            }
        }

        var main = false;
        foreach (var association in t.Arr("Associations"))
        {
            if (association.Obj("AssociationState")?.Str("State") is "disassociated" or "disassociating" or "failed")
            {
                continue;
            }

            if (association.Bool("Main") == true)
            {
                main = true;
                model.mainRouteTable[vpc] = id;
            }
            else if (association.Str("SubnetId") is { } subnet)
            {
                model.subnetRouteTable[subnet] = id;
            }
            else if (association.Str("GatewayId") is { } gateway)
            {
                model.gatewayRouteTable[gateway] = id;
            }
        }

        model.routeTables[id] = new RouteTable(id, t.NameTag(), vpc, main, routes, unknownLists);
    }

    private static (RouteTargetKind Kind, string Target) Target(JsonElement r)
    {
        if (r.Str("NetworkInterfaceId") is { } eni)
        {
            return (r.Str("InstanceId") is null ? RouteTargetKind.NetworkInterface : RouteTargetKind.Instance, eni);
        }

        if (r.Str("InstanceId") is { } instance)
        {
            return (RouteTargetKind.Instance, instance);
        }

        if (r.Str("NatGatewayId") is { } nat)
        {
            return (RouteTargetKind.NatGateway, nat);
        }

        if (r.Str("TransitGatewayId") is { } tgw)
        {
            return (RouteTargetKind.TransitGateway, tgw);
        }

        if (r.Str("VpcPeeringConnectionId") is { } pcx)
        {
            return (RouteTargetKind.VpcPeering, pcx);
        }

        if (r.Str("EgressOnlyInternetGatewayId") is { } eigw)
        {
            return (RouteTargetKind.EgressOnlyInternetGateway, eigw);
        }

        if (r.Str("GatewayId") is { } gateway)
        {
            return gateway switch
            {
                "local" => (RouteTargetKind.Local, "local"),
                _ when gateway.StartsWith("igw-", StringComparison.Ordinal) => (RouteTargetKind.InternetGateway, gateway),
                _ when gateway.StartsWith("vgw-", StringComparison.Ordinal) => (RouteTargetKind.VirtualPrivateGateway, gateway),
                _ when gateway.StartsWith("vpce-", StringComparison.Ordinal) => (RouteTargetKind.GatewayEndpoint, gateway),
                _ => (RouteTargetKind.Unmodelled, gateway),
            };
        }

        var other = r.Str("VpcEndpointId") ?? r.Str("CarrierGatewayId") ?? r.Str("LocalGatewayId") ?? r.Str("CoreNetworkArn") ?? "unknown target";
        return (RouteTargetKind.Unmodelled, other);
    }
}
