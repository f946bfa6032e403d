using Argus.Network.Model;

namespace Argus.Network.Topology;

/// <summary>The network as a graph: accounts, VPCs, subnets, gateways, peerings, attachments, load balancers, instances.</summary>
public sealed record TopologyGraph(IReadOnlyList<TopologyNode> Nodes, IReadOnlyList<TopologyEdge> Edges)
{
    public static TopologyGraph Build(NetworkModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var nodes = new Dictionary<string, TopologyNode>(StringComparer.Ordinal);
        var edges = new List<TopologyEdge>();
        void Node(string id, string type, string label, string? account, string? region, string? parent) => nodes.TryAdd(id, new TopologyNode(id, type, label, account, region, parent));
        static string Label(string id, string? name) => name is null ? id : $"{name} ({id})";

        foreach (var account in model.Accounts.Keys)
        {
            Node("account/" + account, "account", account, account, null, null);
        }

        foreach (var vpc in model.Vpcs.Values)
        {
            Node("account/" + vpc.Scope.Account, "account", vpc.Scope.Account, vpc.Scope.Account, null, null);
            Node(vpc.Id, "vpc", $"{Label(vpc.Id, vpc.Name)} {string.Join(" ", vpc.Cidrs)}", vpc.Scope.Account, vpc.Scope.Region, "account/" + vpc.Scope.Account);
        }

        foreach (var subnet in model.Subnets.Values)
        {
            Node(subnet.Id, "subnet", $"{Label(subnet.Id, subnet.Name)} {string.Join(" ", subnet.Cidrs)}", subnet.Scope.Account, subnet.Scope.Region, model.Vpcs.ContainsKey(subnet.VpcId) ? subnet.VpcId : null);
        }

        foreach (var gateway in model.InternetGateways.Values)
        {
            var vpc = gateway.VpcIds.Select(v => model.Vpcs.GetValueOrDefault(v)).OfType<Vpc>().FirstOrDefault();
            Node(gateway.Id, gateway.EgressOnly ? "egress-only-internet-gateway" : "internet-gateway", gateway.Id, vpc?.Scope.Account, vpc?.Scope.Region, vpc?.Id);
            edges.AddRange(gateway.VpcIds.Where(model.Vpcs.ContainsKey).Select(v => new TopologyEdge(gateway.Id, v, "attachment", null)));
        }

        foreach (var nat in model.NatGateways.Values)
        {
            var subnet = model.Subnets.GetValueOrDefault(nat.SubnetId);
            Node(nat.Id, "nat-gateway", $"{Label(nat.Id, nat.Name)}{(nat.PublicAddress is { } p ? " " + p : "")}", subnet?.Scope.Account, subnet?.Scope.Region, subnet?.Id);
        }

        foreach (var gateway in model.VpnGateways.Values)
        {
            var vpc = gateway.VpcIds.Select(v => model.Vpcs.GetValueOrDefault(v)).OfType<Vpc>().FirstOrDefault();
            Node(gateway.Id, "vpn-gateway", Label(gateway.Id, gateway.Name), vpc?.Scope.Account, vpc?.Scope.Region, null);
            edges.AddRange(gateway.VpcIds.Where(model.Vpcs.ContainsKey).Select(v => new TopologyEdge(gateway.Id, v, "attachment", null)));
        }

        foreach (var tgw in model.TransitGateways.Values)
        {
            Node(tgw.Id, "transit-gateway", Label(tgw.Id, tgw.Name), tgw.Owner, tgw.Region, "account/" + tgw.Owner);
        }

        foreach (var vpn in model.VpnConnections.Values)
        {
            Node(vpn.Id, "vpn-connection", Label(vpn.Id, vpn.Name), null, null, null);
            if ((vpn.TransitGatewayId ?? vpn.VpnGatewayId) is { } to)
            {
                edges.Add(new TopologyEdge(vpn.Id, to, "vpn", null));
            }
        }

        foreach (var attachment in model.TransitGatewayAttachments.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            if (!nodes.ContainsKey(attachment.TransitGatewayId))
            {
                Node(attachment.TransitGatewayId, "transit-gateway", attachment.TransitGatewayId, null, null, null);
            }

            switch (attachment.ResourceType)
            {
                case "vpc" when model.Vpcs.ContainsKey(attachment.ResourceId):
                case "vpn" when nodes.ContainsKey(attachment.ResourceId):
                    edges.Add(new TopologyEdge(attachment.TransitGatewayId, attachment.ResourceId, "attachment", attachment.Id));
                    break;
                case "direct-connect-gateway":
                    Node(attachment.ResourceId, "direct-connect-gateway", attachment.ResourceId, attachment.ResourceOwner, null, null);
                    edges.Add(new TopologyEdge(attachment.TransitGatewayId, attachment.ResourceId, "attachment", attachment.Id));
                    break;
                case "peering" when string.CompareOrdinal(attachment.TransitGatewayId, attachment.ResourceId) < 0:
                    Node(attachment.ResourceId, "transit-gateway", attachment.ResourceId, null, null, null);
                    edges.Add(new TopologyEdge(attachment.TransitGatewayId, attachment.ResourceId, "peering", attachment.Id));
                    break;
            }
        }

        foreach (var peering in model.Peerings.Values)
        {
            if (model.Vpcs.ContainsKey(peering.Requester.VpcId) && model.Vpcs.ContainsKey(peering.Accepter.VpcId))
            {
                edges.Add(new TopologyEdge(peering.Requester.VpcId, peering.Accepter.VpcId, "peering", Label(peering.Id, peering.Name)));
            }
        }

        foreach (var instance in model.Instances.Values)
        {
            var eni = instance.InterfaceIds.Select(i => model.Interfaces.GetValueOrDefault(i)).OfType<NetworkInterface>().FirstOrDefault();
            Node(instance.Id, "instance", Label(instance.Id, instance.Name), instance.Scope.Account, instance.Scope.Region, eni is not null && model.Subnets.ContainsKey(eni.SubnetId) ? eni.SubnetId : null);
        }

        foreach (var lb in model.LoadBalancers.Values)
        {
            Node(lb.Arn, "load-balancer", $"{lb.Name} ({lb.Type}, {(lb.InternetFacing ? "internet-facing" : "internal")})", lb.Scope.Account, lb.Scope.Region, lb.VpcId is not null && model.Vpcs.ContainsKey(lb.VpcId) ? lb.VpcId : null);
            foreach (var target in lb.Listeners.SelectMany(l => l.TargetGroupArns).Distinct().Select(a => model.TargetGroups.GetValueOrDefault(a)).OfType<TargetGroup>().SelectMany(g => g.Targets).Select(t => t.Id).Distinct())
            {
                if (model.Instances.ContainsKey(target))
                {
                    edges.Add(new TopologyEdge(lb.Arn, target, "target", null));
                }
            }
        }

        return new TopologyGraph(
            [.. nodes.Values.OrderBy(n => TypeOrder(n.Type)).ThenBy(n => n.Id, StringComparer.Ordinal)],
            [.. edges.Distinct().OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)]);
    }

    private static int TypeOrder(string type) => type switch
    {
        "account" => 0,
        "vpc" => 1,
        "subnet" => 2,
        "instance" => 9,
        _ => 5,
    };
}
