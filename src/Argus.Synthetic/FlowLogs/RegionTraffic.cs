using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Argus.Synthetic.Determinism;

namespace Argus.Synthetic.FlowLogs;

/// <summary>
/// Plans and writes one account-region's flow log records, hour by hour, as S3 delivers them: one gzip object
/// per flow log and hour under AWSLogs/&lt;account&gt;/vpcflowlogs/&lt;region&gt;/YYYY/MM/DD/, with a header line.
/// Each connection is logged on the interface whose rule allows it (request and reply); the other end is
/// not logged, so a rule's hits never depend on the peer's rules.
/// </summary>
internal static class RegionTraffic
{
    private const string Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    private static readonly int[] AdminPorts = [22, 3389, 5432, 3306, 1433, 6379, 9200];
    private static readonly (int Protocol, int Port)[] EgressMix = [(6, 443), (6, 80), (17, 123), (17, 53), (6, 587), (6, 8443)];

    public static void Write(RegionNetworkFacts facts, int seed, DateTimeOffset from, int hours, string folder, Totals totals)
    {
        var logOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var eni in facts.Interfaces)
        {
            var log = facts.FlowLogs.FirstOrDefault(f => f.TrafficType != "REJECT" && (f.ResourceId == eni.Id || f.ResourceId == eni.SubnetId || f.ResourceId == eni.VpcId));
            if (log.Id is not null)
            {
                logOf[eni.Id] = log.Id;
            }
        }

        if (logOf.Count == 0)
        {
            return;
        }

        var random = new SeededRandom(StableHash.Of($"flow-logs/{seed}/{facts.Account}/{facts.Region}"));
        var covered = facts.Interfaces.Where(e => logOf.ContainsKey(e.Id)).ToList();
        var members = facts.Interfaces.SelectMany(e => e.Groups.Select(g => (g, e))).ToLookup(x => x.g, x => x.e, StringComparer.Ordinal);
        var plans = new List<Plan>();
        var why = new Dictionary<GroupRuleFact, string>();
        foreach (var rule in facts.Rules)
        {
            var locals = members[rule.GroupId].Where(e => logOf.ContainsKey(e.Id)).ToList();
            if (locals.Count == 0)
            {
                continue;
            }

            var v6 = rule.Kind == PeerKind.Ipv6Cidr;
            if (v6 && locals.All(l => l.Ipv6Address is null))
            {
                why[rule] = " (its interfaces have no IPv6 address)";
                continue;
            }

            IPAddress[] peers;
            if (!rule.Egress && IsAnywhere(rule) && rule.ProtocolNumber == 6 && rule.FromPort is { } p && AdminPorts.Contains(p))
            {
                peers = v6 ? [IPAddress.Parse("2001:db8:77::10"), IPAddress.Parse("2001:db8:77::11")]
                    : [IPAddress.Parse("203.0.113.10"), IPAddress.Parse("203.0.113.11"), IPAddress.Parse("198.51.100.20")];
                totals.OverBroad.Add(rule.Key);
            }
            else if (StableHash.Of($"{seed}/{rule.Key}") % 5 == 0)
            {
                why[rule] = "";
                continue;
            }
            else
            {
                peers = Peers(rule, locals, facts, random);
                if (peers.Length == 0)
                {
                    why[rule] = " (no peer it could come from)";
                    continue;
                }
            }

            var ports = Ports(rule, random);
            plans.AddRange(locals.Select(l => new Plan(l, !rule.Egress, ports, peers, random.Next(hours))));
        }

        var skipData = covered.FirstOrDefault(e => e.Groups.Count == 0) ?? covered[0];
        totals.SkipData.Add(skipData.Id);
        var byLog = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        for (var h = 0; h < hours; h++)
        {
            var hourStart = from.AddHours(h);
            var t0 = hourStart.ToUnixTimeSeconds();
            // Ten-minute slots per interface that have a record: AWS logs NODATA for the others.
            var active = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var plan in plans)
            {
                if (h != plan.ForcedHour && !random.Chance(0.35))
                {
                    continue;
                }

                var count = Math.Min(3, plan.Peers.Length);
                for (var i = 0; i < count; i++)
                {
                    var peer = plan.Peers[random.Next(plan.Peers.Length)];
                    var local = peer.AddressFamily == AddressFamily.InterNetworkV6 ? plan.Interface.Ipv6Address! : plan.Interface.Address;
                    var (protocol, port) = plan.Ports[random.Next(plan.Ports.Length)];
                    var client = protocol is 6 or 17 ? random.Next(32768, 61000) : 0;
                    var start = t0 + random.Next(3540);
                    var packets = random.Next(3, 40);
                    var bytes = (long)packets * random.Next(60, 1400);
                    var (src, dst) = plan.Inbound ? (peer, local) : (local, peer);
                    var sb = Builder(byLog, logOf[plan.Interface.Id]);

                    // The subnet's network ACL is stateless: it may drop the request, or only the reply.
                    var requestPasses = AclAllows(facts, plan.Interface, plan.Inbound, peer, protocol, port);
                    var replyPasses = requestPasses && AclAllows(facts, plan.Interface, !plan.Inbound, peer, protocol, client);
                    Line(sb, facts.Account, plan.Interface.Id, src, dst, client, port, protocol, packets, bytes, start, requestPasses ? "ACCEPT" : "REJECT");
                    totals.Records++;
                    if (requestPasses)
                    {
                        plan.Accepted.Add((peer, protocol, port));
                        Line(sb, facts.Account, plan.Interface.Id, dst, src, port, client, protocol, packets, bytes * 3, start, replyPasses ? "ACCEPT" : "REJECT");
                        totals.Records++;
                    }

                    Mark(active, plan.Interface.Id, start - t0);
                }
            }

            // A scanner knocking on telnet somewhere each hour: rejected, never a rule hit.
            var target = covered[random.Next(covered.Count)];
            var knock = random.Next(3540);
            Line(Builder(byLog, logOf[target.Id]), facts.Account, target.Id, IPAddress.Parse("203.0.113.99"), target.Address, random.Next(32768, 61000), 23, 6, 1, 40, t0 + knock, "REJECT");
            totals.Records++;
            Mark(active, target.Id, knock);

            foreach (var eni in covered)
            {
                var slots = active.GetValueOrDefault(eni.Id);
                for (var slot = 0; slot < SlotsPerHour; slot++)
                {
                    // One interval AWS could not capture (SKIPDATA) on one interface; NODATA where nothing was logged.
                    var status = eni == skipData && h == hours / 2 && slot == 0 ? "SKIPDATA" : (slots & (1 << slot)) == 0 ? "NODATA" : null;
                    if (status is not null)
                    {
                        var s = t0 + (slot * 600);
                        Builder(byLog, logOf[eni.Id]).Append(CultureInfo.InvariantCulture, $"2 {facts.Account} {eni.Id} - - - - - - - {s} {s + 600} - {status}\n");
                        totals.Records++;
                    }
                }
            }

            foreach (var (logId, sb) in byLog.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                WriteObject(folder, facts, logId, hourStart, sb);
                totals.Files++;
            }

            byLog.Clear();
        }

        // A rule is implied unused when no accepted request on its interfaces falls under it: planted ones, and
        // those whose traffic the network ACL drops, minus those another group's traffic happens to match.
        foreach (var rule in facts.Rules)
        {
            var locals = members[rule.GroupId].Where(e => logOf.ContainsKey(e.Id)).ToHashSet();
            if (locals.Count > 0 && !plans.Any(p => locals.Contains(p.Interface) && p.Inbound != rule.Egress && p.Accepted.Any(a => Covers(rule, a, facts, members))))
            {
                totals.Unused.Add(rule.Key + why.GetValueOrDefault(rule, " (its network ACL drops the traffic)"));
            }
        }
    }

    private const int SlotsPerHour = 6;

    private static void Mark(Dictionary<string, int> active, string interfaceId, long secondsIntoHour) =>
        active[interfaceId] = active.GetValueOrDefault(interfaceId) | (1 << (int)Math.Clamp(secondsIntoHour / 600, 0, SlotsPerHour - 1));

    private static bool Covers(GroupRuleFact rule, (IPAddress Peer, int Protocol, int Port) a, RegionNetworkFacts facts, ILookup<string, NetworkInterfaceFact> members)
    {
        var protocol = rule.ProtocolNumber;
        if (protocol != -1 && (protocol != a.Protocol || (protocol is 6 or 17 && rule.FromPort is { } from && from >= 0 && (a.Port < from || a.Port > (rule.ToPort ?? from)))))
        {
            return false;
        }

        return rule.Kind switch
        {
            PeerKind.Group => members[rule.Peer].Any(e => e.Address.Equals(a.Peer) || a.Peer.Equals(e.Ipv6Address)),
            PeerKind.PrefixList => facts.PrefixLists.TryGetValue(rule.Peer, out var entries) && entries.Any(c => AddressMath.Contains(c, a.Peer)),
            _ => AddressMath.Contains(rule.Peer, a.Peer),
        };
    }

    /// <summary>Whether the interface's subnet ACL lets a packet from (inbound) or to the peer through: first matching entry wins.</summary>
    private static bool AclAllows(RegionNetworkFacts facts, NetworkInterfaceFact eni, bool inbound, IPAddress peer, int protocol, int port)
    {
        if (facts.SubnetCidrs.TryGetValue(eni.SubnetId, out var cidrs) && cidrs.Any(c => AddressMath.Contains(c, peer)))
        {
            return true;
        }

        var entries = facts.AclBySubnet.TryGetValue(eni.SubnetId, out var e) ? e : facts.DefaultAclByVpc.GetValueOrDefault(eni.VpcId);
        if (entries is null)
        {
            return true;
        }

        return entries.FirstOrDefault(x => x.Egress != inbound && x.Matches(peer, protocol, port))?.Allow ?? false;
    }

    private static bool IsAnywhere(GroupRuleFact rule) => rule.Peer is "0.0.0.0/0" or "::/0";

    private static IPAddress[] Peers(GroupRuleFact rule, List<NetworkInterfaceFact> locals, RegionNetworkFacts facts, SeededRandom random)
    {
        switch (rule.Kind)
        {
            case PeerKind.Cidr when rule.Peer == "0.0.0.0/0":
                return [.. Enumerable.Range(0, 24).Select(_ => AddressMath.RandomPublicV4(random))];
            case PeerKind.Ipv6Cidr when rule.Peer == "::/0":
                return [.. Enumerable.Range(0, 24).Select(_ => AddressMath.RandomPublicV6(random))];
            case PeerKind.Cidr or PeerKind.Ipv6Cidr:
                var inside = facts.Interfaces.Where(e => !locals.Contains(e) && AddressMath.Contains(rule.Peer, e.Address)).Take(3).Select(e => e.Address).ToArray();
                return inside.Length > 0 ? inside : [.. Enumerable.Range(0, 3).Select(_ => AddressMath.RandomHost(rule.Peer, random)).Distinct()];
            case PeerKind.Group:
                return [.. facts.Interfaces.Where(e => e.Groups.Contains(rule.Peer) && !locals.Contains(e)).Take(3).Select(e => e.Address)];
            default:
                return facts.PrefixLists.TryGetValue(rule.Peer, out var entries) && entries.Count > 0
                    ? [.. Enumerable.Range(0, 2).Select(_ => AddressMath.RandomHost(entries[0], random)).Distinct()]
                    : [];
        }
    }

    private static (int Protocol, int Port)[] Ports(GroupRuleFact rule, SeededRandom random)
    {
        var protocol = rule.ProtocolNumber;
        if (protocol == -1)
        {
            return rule.Egress ? EgressMix : [(6, 443)];
        }

        if (protocol is not (6 or 17))
        {
            return [(protocol, 0)];
        }

        if (rule.FromPort is not { } from || from < 0)
        {
            return [(protocol, 443)];
        }

        var to = rule.ToPort ?? from;
        return from == to ? [(protocol, from)] : [(protocol, from), (protocol, from + 1 + random.Next(Math.Min(to - from, 1000)))];
    }

    private static StringBuilder Builder(Dictionary<string, StringBuilder> byLog, string logId)
    {
        if (!byLog.TryGetValue(logId, out var sb))
        {
            byLog[logId] = sb = new StringBuilder(Header).Append('\n');
        }

        return sb;
    }

    private static void Line(StringBuilder sb, string account, string eni, IPAddress src, IPAddress dst, int srcPort, int dstPort, int protocol, long packets, long bytes, long start, string action) =>
        sb.Append(CultureInfo.InvariantCulture, $"2 {account} {eni} {src} {dst} {srcPort} {dstPort} {protocol} {packets} {bytes} {start} {start + 60} {action} OK\n");

    private static void WriteObject(string folder, RegionNetworkFacts facts, string logId, DateTimeOffset hour, StringBuilder content)
    {
        var day = hour.UtcDateTime;
        var dir = Path.Combine(folder, "AWSLogs", facts.Account, "vpcflowlogs", facts.Region, day.ToString("yyyy", CultureInfo.InvariantCulture), day.ToString("MM", CultureInfo.InvariantCulture), day.ToString("dd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var stamp = day.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        var hash = (StableHash.Of($"{facts.Account}/{logId}/{stamp}") & 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture);
        using var file = File.Create(Path.Combine(dir, $"{facts.Account}_vpcflowlogs_{facts.Region}_{logId}_{stamp}_{hash}.log.gz"));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.ASCII.GetBytes(content.ToString()));
    }

    private sealed record Plan(NetworkInterfaceFact Interface, bool Inbound, (int Protocol, int Port)[] Ports, IPAddress[] Peers, int ForcedHour)
    {
        /// <summary>Requests the network ACL let through, for telling which rules end up unused.</summary>
        public HashSet<(IPAddress Peer, int Protocol, int Port)> Accepted { get; } = [];
    }

    /// <summary>Counts and planted rules across regions.</summary>
    internal sealed class Totals
    {
        public int Files { get; set; }

        public long Records { get; set; }

        public List<string> Unused { get; } = [];

        public List<string> OverBroad { get; } = [];

        public List<string> SkipData { get; } = [];
    }
}
