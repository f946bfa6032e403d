using Argus.Network.Addressing;
using Argus.Network.Evaluation;
using Argus.Network.Model;
using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>
/// Answers "can this reach that, on which protocols and ports, by which path": the forward path with every route
/// and rule, then the return path (routes and network ACLs again, since ACLs are stateless and routes may be
/// asymmetric). The answer's port set is exact: every filter narrows it, nothing is sampled.
/// </summary>
public static class ReachabilityAnalyzer
{
    /// <summary>Answers a query for <paramref name="traffic"/> (see <see cref="TrafficSet.Query"/>).</summary>
    /// <exception cref="EndpointException">An endpoint is not in the snapshot, or is ambiguous.</exception>
    public static ReachAnswer Query(NetworkModel model, Endpoint from, Endpoint to, TrafficSet traffic, ReachOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(traffic);
        options ??= ReachOptions.Default;
        var source = ResolveSource(model, from);
        var target = to.Kind is EndpointKind.Instance or EndpointKind.Interface ? Interface(model, to) : null;
        if (to.Kind == EndpointKind.Address && to.Prefix is { } address && !AddressScope.IsPublic(address))
        {
            var holders = model.InterfacesWithPrivateAddress(address);
            target = holders.Count == 1 ? holders[0] : null;
        }

        if (source.Interface is { } eni)
        {
            var destination = DestinationFromInside(eni, to, target);
            if (destination is null)
            {
                return Early(from, to, traffic, ExplanationCodes.AddressFamilyMismatch, target?.Id ?? to.Text, $"{to.Text} has no address of the family {eni.Id} can send from");
            }

            var sourceAddress = source.Address ?? (destination.Value.IsIpv6 ? eni.Ipv6Addresses.FirstOrDefault() : eni.PrivateAddresses.FirstOrDefault());
            if (sourceAddress == default(IpPrefix) || sourceAddress.IsIpv6 != destination.Value.IsIpv6)
            {
                return Early(from, to, traffic, ExplanationCodes.AddressFamilyMismatch, eni.Id, $"{eni.Id} has no {(destination.Value.IsIpv6 ? "IPv6" : "IPv4")} address");
            }

            var walker = new PathWalker(model, options, traffic, returning: false);
            walker.FromInterface(eni, sourceAddress, destination.Value);
            return Finish(model, options, from, to, traffic, walker, eni, destination.Value, null);
        }

        if (source.Range is not { } range)
        {
            throw new EndpointException($"{from.Text} cannot be a source");
        }

        var fromInternet = from.Kind == EndpointKind.Internet || AddressScope.IsPublic(range);
        if (fromInternet)
        {
            var destination = PublicDestination(to, target, range);
            if (destination is null)
            {
                return Early(from, to, traffic, ExplanationCodes.NoPublicAddress, target?.Id ?? to.Text,
                    $"{target?.Id ?? to.Text} has no public IPv4, Elastic IP or IPv6 address: the internet cannot address it");
            }

            var internetSource = from.Kind == EndpointKind.Internet ? (destination.Value.IsIpv6 ? IpPrefix.AnyIpv6 : IpPrefix.AnyIpv4) : range;
            var walker = new PathWalker(model, options, traffic, returning: false);
            walker.FromInternet(internetSource, destination.Value);
            return Finish(model, options, from, to, traffic, walker, null, destination.Value, ExitKind.Internet);
        }

        return FromOnPremises(model, options, from, to, traffic, range, target);
    }

    /// <summary>A source outside the model with a private range: it enters through a VPN, Direct Connect, or a virtual private gateway.</summary>
    private static ReachAnswer FromOnPremises(NetworkModel model, ReachOptions options, Endpoint from, Endpoint to, TrafficSet traffic, IpPrefix range, NetworkInterface? target)
    {
        var destination = target?.PrimaryAddress ?? to.Prefix;
        if (destination is null)
        {
            throw new EndpointException($"{to.Text} cannot be reached from {from.Text}: name an interface, instance or address");
        }

        var answers = new List<ReachAnswer>();
        foreach (var entry in model.TransitGatewayAttachments.Where(a => a.ResourceType is "vpn" or "direct-connect-gateway").OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var walker = new PathWalker(model, options, traffic, returning: false);
            walker.FromTransitAttachment(entry, range, destination.Value);
            answers.Add(Finish(model, options, from, to, traffic, walker, null, destination.Value, ExitKind.OnPremises, entry.Id));
        }

        foreach (var gateway in model.VpnGateways.Values.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            foreach (var vpc in gateway.VpcIds.Select(v => model.Vpcs.GetValueOrDefault(v)).OfType<Vpc>().Where(v => v.Contains(destination.Value)))
            {
                var walker = new PathWalker(model, options, traffic, returning: false);
                walker.FromVpnGateway(gateway, vpc, range, destination.Value);
                answers.Add(Finish(model, options, from, to, traffic, walker, null, destination.Value, ExitKind.OnPremises, gateway.Id));
            }
        }

        return answers.FirstOrDefault(a => a.Verdict == Verdict.Reachable)
            ?? answers.FirstOrDefault(a => a.Verdict == Verdict.Unknown)
            ?? answers.FirstOrDefault()
            ?? Early(from, to, traffic, ExplanationCodes.NoRouteToDestination, from.Text, $"no VPN, Direct Connect or virtual private gateway in the snapshot brings {range} in");
    }

    private static ReachAnswer Finish(NetworkModel model, ReachOptions options, Endpoint from, Endpoint to, TrafficSet traffic, PathWalker forward,
        NetworkInterface? origin, IpPrefix requestedDestination, ExitKind? cameFrom, string? entry = null)
    {
        if (forward.Blocked is null && !forward.Undecided && origin is not null)
        {
            // The sender's outbound rules see the destination it addressed; group references need an untranslated, referenceable path.
            var references = References(model, forward, origin);
            var peer = new Peer(requestedDestination, references ? forward.Arrived : null);
            var egress = SecurityGroupEvaluator.Evaluate(model, origin, inbound: false, peer, references, forward.Allowed.Possible);
            var before = forward.Hops.Count;
            forward.Filter(origin.Id, Groups(origin), "security-group", "egress", egress, ExplanationCodes.SecurityGroupRulesMismatch,
                $"no outbound rule of {string.Join(", ", origin.SecurityGroups)} on {origin.Id} allows {traffic} to {requestedDestination}");
            var hop = forward.Hops[before];
            forward.Hops.RemoveAt(before);
            forward.InsertFirst(hop);
        }

        if (forward.Blocked is null && !forward.Undecided && forward.Arrived is { } arrived)
        {
            var references = origin is not null && References(model, forward, origin);
            var peer = new Peer(forward.Source, references ? origin : null);
            var ingress = SecurityGroupEvaluator.Evaluate(model, arrived, inbound: true, peer, references, forward.Allowed.Possible);
            forward.Filter(arrived.Id, Groups(arrived), "security-group", "ingress", ingress, ExplanationCodes.SecurityGroupRulesMismatch,
                $"no inbound rule of {string.Join(", ", arrived.SecurityGroups)} on {arrived.Id} allows {traffic} from {forward.Source}");
        }

        PathWalker? back = null;
        if (forward.Blocked is null && !forward.Undecided && !forward.Allowed.IsEmpty)
        {
            back = ReturnWalk(model, options, forward, origin, cameFrom, entry);
        }

        var last = back ?? forward;
        var blocked = forward.Blocked ?? back?.Blocked;
        var undecided = forward.Undecided || (back?.Undecided ?? false);
        var allowed = last.Allowed;
        var verdict = blocked is not null ? Verdict.Blocked
            : undecided || allowed.Certain.IsEmpty ? (allowed.Possible.IsEmpty && !undecided ? Verdict.Blocked : Verdict.Unknown)
            : Verdict.Reachable;
        var exit = forward.ExitDescription;
        return new ReachAnswer(
            verdict, from.Text, to.Text, traffic,
            blocked is null ? allowed.Certain : TrafficSet.None,
            blocked is null ? allowed.Possible : TrafficSet.None,
            forward.Hops, back?.Hops ?? [], blocked, exit,
            [.. forward.Notes.Concat(back?.Notes ?? []).Distinct()],
            [.. forward.Unknowns.Concat(back?.Unknowns ?? []).Distinct()]);
    }

    /// <summary>
    /// Replies retrace the connection: from the destination (or from where the path left the model) back to the
    /// translated source, and must arrive where the request started.
    /// </summary>
    private static PathWalker? ReturnWalk(NetworkModel model, ReachOptions options, PathWalker forward, NetworkInterface? origin, ExitKind? cameFrom, string? entry)
    {
        var back = new PathWalker(model, options, forward.Allowed.Possible, returning: true);
        back.Seed(forward.NatOrigins);
        back.SeedFirewalls(forward.Hops);

        // Keep what the forward path learnt about unknowns: the return starts from its bounds.
        back.Restrict(forward.Allowed);
        var replyTo = forward.Source;
        if (forward.Arrived is { } arrived)
        {
            back.FromInterface(arrived, forward.Destination, replyTo);
        }
        else if (forward.Exit == ExitKind.Internet)
        {
            back.FromInternet(forward.Destination, replyTo);
        }
        else if (forward.Exit == ExitKind.OnPremises && forward.ExitVia is { } via)
        {
            if (model.TransitGatewayAttachments.FirstOrDefault(a => a.Id == via) is { } attachment)
            {
                back.FromTransitAttachment(attachment, forward.Destination, replyTo);
            }
            else if (model.VpnGateways.TryGetValue(via, out var gateway) && origin is not null && model.Vpcs.TryGetValue(origin.VpcId, out var vpc))
            {
                back.FromVpnGateway(gateway, vpc, forward.Destination, replyTo);
            }
            else
            {
                return null;
            }
        }
        else
        {
            forward.Notes.Add("replies from AWS services are not modelled");
            return null;
        }

        if (back.Blocked is not null || back.Undecided)
        {
            return back;
        }

        if (origin is not null)
        {
            if (back.Arrived?.Id != origin.Id)
            {
                back.Block(ExplanationCodes.AsymmetricReturn, back.Arrived?.Id ?? back.ExitVia ?? "return path",
                    $"replies to {origin.Id} {(back.Arrived is null ? $"leave through {back.ExitDescription}" : $"are delivered to {back.Arrived.Id}")} instead of returning to it");
            }
        }
        else if (back.Exit != cameFrom || (cameFrom == ExitKind.OnPremises && entry is not null && back.ExitVia != entry))
        {
            back.Block(ExplanationCodes.AsymmetricReturn, back.ExitVia ?? back.Arrived?.Id ?? "return path",
                $"replies leave {(back.ExitDescription is null ? $"to {back.Arrived?.Id}" : "through " + back.ExitDescription)}, not the way the request came in");
        }

        return back;
    }

    private static bool References(NetworkModel model, PathWalker forward, NetworkInterface origin)
    {
        if (forward.Translated || forward.Arrived is not { } arrived)
        {
            return false;
        }

        if (arrived.VpcId == origin.VpcId)
        {
            return true;
        }

        // Same-region peering supports group references; cross-region peering does not; a transit gateway only with its option on.
        return (forward.CrossedPeering && !forward.CrossedRegionPeering && !forward.CrossedTransitGateway)
            || (forward.CrossedTransitGateway && forward.TransitGatewayReferencing && !forward.CrossedPeering);
    }

    private static (NetworkInterface? Interface, IpPrefix? Address, IpPrefix? Range) ResolveSource(NetworkModel model, Endpoint from)
    {
        switch (from.Kind)
        {
            case EndpointKind.Instance:
            case EndpointKind.Interface:
                return (Interface(model, from), null, null);
            case EndpointKind.Internet:
                return (null, null, IpPrefix.AnyIpv4);
            case EndpointKind.Cidr:
                return (null, null, from.Prefix);
        }

        var address = from.Prefix!.Value;
        if (model.InterfaceWithPublicAddress(address) is { } owner && owner.PrivateFor(address) is { } mapped)
        {
            return (owner, mapped, null);
        }

        var holders = model.InterfacesWithPrivateAddress(address);
        if (holders.Count > 1)
        {
            throw new EndpointException($"{address} is held by several interfaces ({string.Join(", ", holders.Select(h => $"{h.Id} in {h.VpcId}"))}): name the interface");
        }

        if (holders.Count == 1)
        {
            return (holders[0], address, null);
        }

        if (!AddressScope.IsPublic(address) && model.Vpcs.Values.FirstOrDefault(v => v.Contains(address)) is { } vpc)
        {
            throw new EndpointException($"{address} is in {vpc.Id} but no interface holds it");
        }

        return (null, null, address);
    }

    private static NetworkInterface Interface(NetworkModel model, Endpoint endpoint)
    {
        if (endpoint.Kind == EndpointKind.Interface)
        {
            return model.Interfaces.GetValueOrDefault(endpoint.Text) ?? throw new EndpointException($"interface {endpoint.Text} is not in the snapshot");
        }

        if (!model.Instances.TryGetValue(endpoint.Text, out var instance))
        {
            throw new EndpointException($"instance {endpoint.Text} is not in the snapshot");
        }

        return instance.InterfaceIds.Select(i => model.Interfaces.GetValueOrDefault(i)).OfType<NetworkInterface>().FirstOrDefault()
            ?? throw new EndpointException($"instance {endpoint.Text} has no network interface in the snapshot");
    }

    /// <summary>What an interface addresses the destination with: private addresses inside AWS, the internet as the whole space.</summary>
    private static IpPrefix? DestinationFromInside(NetworkInterface source, Endpoint to, NetworkInterface? target)
    {
        var v6Only = source.PrivateAddresses.Count == 0;
        return to.Kind switch
        {
            EndpointKind.Internet => v6Only ? IpPrefix.AnyIpv6 : IpPrefix.AnyIpv4,
            EndpointKind.Address or EndpointKind.Cidr => to.Prefix,
            _ => v6Only ? target!.Ipv6Addresses.FirstOrDefault() is { Length: > 0 } v6 ? v6 : null : target!.PrivateAddresses.FirstOrDefault() is { Length: > 0 } v4 ? v4 : null,
        };
    }

    /// <summary>What the internet addresses the destination with: its public IPv4 (or Elastic IP), else its IPv6 address.</summary>
    private static IpPrefix? PublicDestination(Endpoint to, NetworkInterface? target, IpPrefix source)
    {
        if (to.Kind is EndpointKind.Address or EndpointKind.Cidr)
        {
            return to.Prefix;
        }

        if (target is null)
        {
            return null;
        }

        if (!source.IsIpv6 && target.PrivateAddresses.Count > 0 && target.PublicAddresses.GetValueOrDefault(target.PrivateAddresses[0]) is { Length: > 0 } mapped)
        {
            return mapped;
        }

        if (target.PublicAddresses.Values.FirstOrDefault() is { Length: > 0 } any && !source.IsIpv6)
        {
            return any;
        }

        return target.Ipv6Addresses.FirstOrDefault(a => AddressScope.IsPublic(a)) is { Length: > 0 } v6 ? v6 : null;
    }

    private static string Groups(NetworkInterface eni) => eni.SecurityGroups.Count == 0 ? eni.Id : string.Join(",", eni.SecurityGroups);

    private static ReachAnswer Early(Endpoint from, Endpoint to, TrafficSet traffic, string code, string resource, string explanation) =>
        new(Verdict.Blocked, from.Text, to.Text, traffic, TrafficSet.None, TrafficSet.None, [], [], new Blocker(code, resource, explanation, false), null, [], []);
}
