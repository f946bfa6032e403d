using Argus.Network.Addressing;
using Argus.Network.Evaluation;
using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;

namespace Argus.Network.Exposure;

/// <summary>
/// What the whole internet can reach: every public address of every interface (a full reachability query from
/// 0.0.0.0/0 or ::/0 with every protocol and port, return path included), and every internet-facing load balancer
/// through its listeners to its targets. An open security group without a public address, an internet gateway or a
/// route back to it is not exposure, and is not reported as such.
/// </summary>
public static class ExposureAnalyzer
{
    // Interfaces that never accept connections from the internet themselves, or are analysed as load balancers.
    private static readonly HashSet<string> NotEndpoints = new(StringComparer.Ordinal)
    {
        "nat_gateway", "network_load_balancer", "gateway_load_balancer", "gateway_load_balancer_endpoint", "vpc_endpoint", "transit_gateway",
    };

    public static ExposureReport Analyze(NetworkModel model, ReachOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= ReachOptions.Default;
        var candidates = new List<(NetworkInterface Eni, IpPrefix Address)>();
        foreach (var eni in model.Interfaces.Values.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            if (NotEndpoints.Contains(eni.InterfaceType) || IsLoadBalancerInterface(eni))
            {
                continue;
            }

            candidates.AddRange(eni.PublicAddresses.Values.Distinct().Order().Select(a => (eni, a)));
            candidates.AddRange(eni.Ipv6Addresses.Where(AddressScope.IsPublic).Select(a => (eni, a)));
        }

        var results = new InterfaceExposure?[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var (eni, address) = candidates[i];
            var answer = ReachabilityAnalyzer.Query(model, Endpoint.Internet, new Endpoint(EndpointKind.Address, address.ToString(), address), TrafficSet.All, options);
            if (answer.Verdict != Verdict.Blocked)
            {
                results[i] = new InterfaceExposure(eni.Id, eni.InstanceId, eni.Scope.Account, eni.Scope.Region, address.ToString(), answer);
            }
        });

        // A load balancer's interfaces are described "ELB <the end of its ARN>": indexed once, not searched per balancer.
        var balancerInterfaces = model.Interfaces.Values.Where(IsLoadBalancerInterface)
            .GroupBy(i => i.Description!["ELB ".Length..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Id, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var balancers = model.LoadBalancers.Values
            .Where(b => b.InternetFacing && b.Type is "application" or "network")
            .OrderBy(b => b.Arn, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(b => LoadBalancer(model, options, b, InterfaceOf(balancerInterfaces, b)))
            .ToList();
        return new ExposureReport([.. results.OfType<InterfaceExposure>()], balancers, model.Interfaces.Count);
    }

    /// <summary>ELB interfaces are described <c>ELB app/name/id</c> or <c>ELB net/name/id</c>.</summary>
    internal static bool IsLoadBalancerInterface(NetworkInterface eni) =>
        eni.Description?.StartsWith("ELB ", StringComparison.Ordinal) == true;

    private static NetworkInterface? InterfaceOf(Dictionary<string, NetworkInterface> interfaces, LoadBalancer lb)
    {
        var marker = lb.Arn.IndexOf(":loadbalancer/", StringComparison.Ordinal);
        return marker < 0 ? null : interfaces.GetValueOrDefault(lb.Arn[(marker + ":loadbalancer/".Length)..]);
    }

    private static LoadBalancerExposure LoadBalancer(NetworkModel model, ReachOptions options, LoadBalancer lb, NetworkInterface? source)
    {
        var hops = new List<Hop> { new("internet", "internet", "send", "from 0.0.0.0/0", null, null) };
        var unknowns = new List<string>();
        LoadBalancerExposure Result(TrafficSet exposed, IReadOnlyList<TargetExposure> targets, string? why) =>
            new(lb.Arn, lb.Name, lb.Type, lb.Scope.Account, lb.Scope.Region, exposed, hops, targets, unknowns, why);

        if (!lb.ListenersCollected)
        {
            unknowns.Add($"listeners of {lb.Name}: not collected (elasticloadbalancing:DescribeListeners)");
            return Result(TrafficSet.None, [], "its listeners are not in the snapshot");
        }

        var listening = lb.Listeners.Aggregate(TrafficSet.None, (set, l) => set.Union(ListenerTraffic(l)));
        if (lb.VpcId is null || model.InternetGatewayOf(lb.VpcId, false) is not { } gateway)
        {
            return Result(TrafficSet.None, [], $"{lb.VpcId} has no internet gateway");
        }

        hops.Add(new Hop(gateway.Id, "internet-gateway", "forward", $"into {lb.VpcId}", null, null));
        var subnets = lb.SubnetIds.Select(s => model.Subnets.GetValueOrDefault(s)).OfType<Subnet>().ToList();
        var routed = subnets.Where(s => model.RouteTableOf(s)?.Lookup(IpPrefix.AnyIpv4) is { Kind: RouteTargetKind.InternetGateway, Blackhole: false }).ToList();
        if (routed.Count == 0)
        {
            return Result(TrafficSet.None, [], "none of its subnets routes 0.0.0.0/0 to an internet gateway, so replies cannot leave");
        }

        var internet = new Peer(IpPrefix.AnyIpv4, null);
        var throughAcls = TrafficSet.None;
        foreach (var subnet in routed)
        {
            var inbound = NetworkAclEvaluator.Evaluate(model, subnet, inbound: true, internet, listening);
            var replies = NetworkAclEvaluator.Evaluate(model, subnet, inbound: false, internet, TrafficSet.None with { Tcp = options.EphemeralPorts, Udp = options.EphemeralPorts });
            unknowns.AddRange(inbound.Unknowns);
            var passing = inbound.Allowed.Certain;
            passing = passing with
            {
                Tcp = options.ClientEphemeralRanges.Any(replies.Allowed.Certain.Tcp.IsSupersetOf) ? passing.Tcp : PortSet.Empty,
                Udp = options.ClientEphemeralRanges.Any(replies.Allowed.Certain.Udp.IsSupersetOf) ? passing.Udp : PortSet.Empty,
            };
            hops.Add(new Hop(model.AclOf(subnet)?.Id ?? subnet.Id, "network-acl", "inbound", $"{subnet.Id}: {string.Join("; ", inbound.Rules)}", null, passing));
            throughAcls = throughAcls.Union(passing);
        }

        var exposed = listening.Intersect(throughAcls);
        if (lb.SecurityGroups.Count > 0)
        {
            var groups = SecurityGroupEvaluator.EvaluateGroups(model, lb.SecurityGroups, lb.Name, inbound: true, internet, referencesApply: false, exposed);
            unknowns.AddRange(groups.Unknowns);
            exposed = exposed.Intersect(groups.Allowed.Certain);
            hops.Add(new Hop(string.Join(", ", lb.SecurityGroups), "security-group", "ingress", groups.Rules.Count == 0 ? "no rule allows it" : string.Join("; ", groups.Rules), null, exposed));
        }

        hops.Add(new Hop(lb.Arn, "load-balancer", "listen", string.Join(", ", lb.Listeners.Select(l => $"{l.Protocol} {l.Port}")), null, exposed));
        if (exposed.IsEmpty)
        {
            return Result(exposed, [], "its security groups and network ACLs admit none of its listeners from the internet");
        }

        return Result(exposed, Targets(model, options, lb, exposed, unknowns, source), null);
    }

    private static List<TargetExposure> Targets(NetworkModel model, ReachOptions options, LoadBalancer lb, TrafficSet exposed, List<string> unknowns, NetworkInterface? source)
    {
        var targets = new List<TargetExposure>();
        if (source is null)
        {
            unknowns.Add($"the interfaces of {lb.Name} are not in the snapshot (ec2:DescribeNetworkInterfaces): targets cannot be followed");
        }

        foreach (var listener in lb.Listeners.Where(l => !ListenerTraffic(l).Intersect(exposed).IsEmpty))
        {
            foreach (var arn in listener.TargetGroupArns)
            {
                if (!model.TargetGroups.TryGetValue(arn, out var group))
                {
                    unknowns.Add($"target group {arn}: not in the snapshot (elasticloadbalancing:DescribeTargetGroups)");
                    continue;
                }

                if (!group.TargetsCollected)
                {
                    unknowns.Add($"targets of {group.Name}: not collected (elasticloadbalancing:DescribeTargetHealth)");
                    continue;
                }

                foreach (var target in group.Targets)
                {
                    targets.Add(Target(model, options, lb, listener, group, target, source));
                }
            }
        }

        return targets;
    }

    private static TargetExposure Target(NetworkModel model, ReachOptions options, LoadBalancer lb, Listener listener, TargetGroup group, Target target, NetworkInterface? source)
    {
        var port = target.Port ?? group.Port ?? listener.Port;
        var eni = group.TargetType == "instance"
            ? (model.Instances.TryGetValue(target.Id, out var instance) ? instance.InterfaceIds.Select(i => model.Interfaces.GetValueOrDefault(i)).OfType<NetworkInterface>().FirstOrDefault() : null)
            : IpPrefix.TryParse(target.Id, out var address) ? model.InterfacesWithPrivateAddress(address).FirstOrDefault() : null;
        var traffic = TrafficSet.Query(group.Protocol is "UDP" ? Protocols.Udp : Protocols.Tcp, PortSet.Single(port));
        if (eni is null || source is null)
        {
            return new TargetExposure(group.Arn, target.Id, eni?.Id, listener.Port, TrafficSet.None, null);
        }

        var answer = ReachabilityAnalyzer.Query(model, new Endpoint(EndpointKind.Interface, source.Id, null), new Endpoint(EndpointKind.Interface, eni.Id, null), traffic, options);
        var reached = answer.Reachable;
        if (lb.Type == "network" && group.TargetType == "instance")
        {
            // Network load balancers keep the client's address for instance targets: the target's groups must admit the internet.
            var clients = SecurityGroupEvaluator.Evaluate(model, eni, inbound: true, new Peer(IpPrefix.AnyIpv4, null), referencesApply: false, traffic);
            reached = reached.Intersect(clients.Allowed.Certain);
        }

        return new TargetExposure(group.Arn, target.Id, eni.Id, listener.Port, reached, answer);
    }

    private static TrafficSet ListenerTraffic(Listener listener) => listener.Protocol switch
    {
        "UDP" => TrafficSet.Query(Protocols.Udp, PortSet.Single(listener.Port)),
        "TCP_UDP" => TrafficSet.Query(Protocols.Tcp, PortSet.Single(listener.Port)).Union(TrafficSet.Query(Protocols.Udp, PortSet.Single(listener.Port))),
        _ => TrafficSet.Query(Protocols.Tcp, PortSet.Single(listener.Port)),
    };
}
