using Argus.Network.Model;
using Argus.Network.Traffic;

namespace Argus.Network.Evaluation;

/// <summary>
/// Network ACLs: stateless, entries in rule-number order, the first entry matching a packet decides. Evaluated
/// for every address of the peer range, so a deny for part of the range removes that traffic for the range.
/// </summary>
public static class NetworkAclEvaluator
{
    public static FilterResult Evaluate(NetworkModel model, Subnet subnet, bool inbound, Peer peer, TrafficSet traffic)
    {
        if (model.Coverage.Missing(subnet.Scope.Account, subnet.Scope.Region, "ec2", "DescribeNetworkAcls") is { } missing)
        {
            return FilterResult.Unknown($"network ACL of {subnet.Id}: {missing}");
        }

        if (model.AclOf(subnet) is not { } acl)
        {
            return FilterResult.Unknown($"network ACL of {subnet.Id} is not in the snapshot");
        }

        var entries = (inbound ? acl.Inbound : acl.Outbound).Where(e => e.Cidr.Overlaps(peer.Range)).ToList();
        TrafficSet? allowedEverywhere = null;
        var deciding = new List<string>();
        foreach (var segment in AddressSegments.Cut(peer.Range, entries.Select(e => e.Cidr)))
        {
            var remaining = traffic;
            var allowed = TrafficSet.None;
            foreach (var entry in entries)
            {
                if (remaining.IsEmpty)
                {
                    break;
                }

                if (!AddressSegments.Covers(entry.Cidr, peer.Range.IsIpv6, segment))
                {
                    continue;
                }

                var matched = remaining.Intersect(entry.Traffic);
                if (matched.IsEmpty)
                {
                    continue;
                }

                if (entry.Allow)
                {
                    allowed = allowed.Union(matched);
                }

                var text = $"{acl.Id} {(inbound ? "inbound" : "outbound")} {entry}";
                if (!deciding.Contains(text))
                {
                    deciding.Add(text);
                }

                remaining = remaining.Except(entry.Traffic);
            }

            allowedEverywhere = allowedEverywhere is null ? allowed : allowedEverywhere.Intersect(allowed);
        }

        return new FilterResult(TrafficBounds.Exactly(allowedEverywhere ?? TrafficSet.None), deciding, []);
    }
}
