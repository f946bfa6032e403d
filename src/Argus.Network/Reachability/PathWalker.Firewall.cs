using Argus.Network.Evaluation;
using Argus.Network.Model;
using Argus.Network.Model.Firewall;

namespace Argus.Network.Reachability;

/// <summary>AWS Network Firewall as a hop: a route to one of its endpoints hands the packet to it, and it forwards by its own subnet's route table.</summary>
internal sealed partial class PathWalker
{
    private readonly HashSet<string> forwardFirewalls = new(StringComparer.Ordinal);

    /// <summary>For a return walk: the firewalls the request crossed, whose stateful engines hold its flow.</summary>
    public void SeedFirewalls(IEnumerable<Hop> forwardHops) =>
        forwardFirewalls.UnionWith(forwardHops.Where(h => h.ResourceType == "network-firewall").Select(h => h.ResourceId));

    private void ToFirewall(NetworkFirewall firewall, string endpointId, string subnetId, Subnet? from, int depth)
    {
        if (!model.Subnets.TryGetValue(subnetId, out var subnet))
        {
            Unknown($"subnet {subnetId} of firewall endpoint {endpointId}: not in the snapshot (ec2:DescribeSubnets)");
            return;
        }

        // The endpoint sits in its subnet like an interface: crossing into it passes both subnets' network ACLs.
        if (from is not null && from.Id != subnet.Id && (!AclOut(from) || !AclIn(subnet)))
        {
            return;
        }

        if (from is null && !AclIn(subnet))
        {
            return;
        }

        var verdict = FirewallEvaluator.Evaluate(model, firewall, Source, Destination, Allowed.Possible, Returning, options.EphemeralPorts,
            flowSeen: !Returning || forwardFirewalls.Contains(firewall.Arn));
        Unknowns.AddRange(verdict.Unknowns);
        Allowed = Allowed.Intersect(verdict.Allowed);
        var rules = verdict.Rules.Count == 0 ? "no rule decided" : string.Join("; ", verdict.Rules);
        var detail = $"{firewall.Name} endpoint {endpointId} in {subnetId}{(Returning ? forwardFirewalls.Contains(firewall.Arn) ? " (reply of a flow it passed)" : " (reply; the request did not cross it)" : "")}: {rules}";
        if (Allowed.IsEmpty)
        {
            Hops.Add(new Hop(firewall.Arn, "network-firewall", "drop", detail, null, null));
            Block(verdict.RuleDrop ? ExplanationCodes.FirewallRuleDrop : ExplanationCodes.FirewallDefaultDrop, firewall.Arn,
                $"network firewall {firewall.Name} drops the traffic from {Source} to {Destination} ({rules})");
            return;
        }

        Hops.Add(new Hop(firewall.Arn, "network-firewall", "forward", detail, null, Allowed.Certain));
        RouteFrom(subnet, depth + 1);
    }

    /// <summary>Why a route target is not followed; a <c>vpce-</c> target may be a firewall endpoint the snapshot lacks.</summary>
    private string UnmodelledTarget(string target, ResourceScope scope)
    {
        if (target.StartsWith("vpce-", StringComparison.Ordinal)
            && (model.Coverage.Missing(scope.Account, scope.Region, "network-firewall", "ListFirewalls")
                ?? model.Coverage.Missing(scope.Account, scope.Region, "network-firewall", "DescribeFirewall")) is { } missing)
        {
            return $"route target {target} may be a Network Firewall endpoint: {missing}";
        }

        return $"route target {target} (gateway load balancer endpoint, carrier, local or core network gateway) is not modelled";
    }
}
