using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>What the records attributed to one rule add up to. Sets are bounded by the options.</summary>
public sealed class RuleStats(FirewallRule rule, RuleUsageOptions options)
{
    private readonly HashSet<IpAddress128> peers = [];
    private readonly HashSet<UsageTuple> usage = [];

    public FirewallRule Rule { get; } = rule;

    /// <summary>Flow records (aggregated flows, one per interface and interval) the rule allowed.</summary>
    public long Hits { get; private set; }

    public long Bytes { get; private set; }

    public long Packets { get; private set; }

    /// <summary>Unix seconds of the first record's start; -1 before any.</summary>
    public long FirstSeen { get; private set; } = -1;

    public long LastSeen { get; private set; } = -1;

    /// <summary>Of <see cref="Hits"/>, the reply packets (network ACL entries only: a stateless ACL must let replies through).</summary>
    public long ReplyHits { get; private set; }

    public int DistinctPeers => peers.Count;

    /// <summary>True when more peers were seen than counted: <see cref="DistinctPeers"/> is a lower bound.</summary>
    public bool PeersCapped { get; private set; }

    /// <summary>True when the traffic was too varied to keep every (peer, protocol, port): no tighter rule is suggested.</summary>
    public bool UsageCapped { get; private set; }

    /// <summary>Distinct (peer, protocol, port) the rule carried, unless <see cref="UsageCapped"/>.</summary>
    public IReadOnlyCollection<UsageTuple> Usage => usage;

    public IReadOnlyCollection<IpAddress128> Peers => peers;

    /// <summary>Where ephemeral (client) ports start in AWS's network ACL guidance: replies to ports from here on are one range.</summary>
    public const int EphemeralFrom = 1024;

    internal void Hit(IpAddress128 peer, int protocol, int port, long bytes, long packets, long start, long end, bool reply = false)
    {
        Hits++;
        if (reply)
        {
            ReplyHits++;

            // A reply goes to the initiator's ephemeral port: one range, not thousands of ports to list.
            if (IpProtocols.HasPorts(protocol) && port >= EphemeralFrom)
            {
                port = EphemeralFrom;
            }
        }

        Bytes += Math.Max(0, bytes);
        Packets += Math.Max(0, packets);
        if (start >= 0 && (FirstSeen < 0 || start < FirstSeen))
        {
            FirstSeen = start;
        }

        if (end > LastSeen)
        {
            LastSeen = end;
        }

        if (peers.Count < options.MaxPeersCounted)
        {
            peers.Add(peer);
        }
        else if (!peers.Contains(peer))
        {
            PeersCapped = true;
        }

        if (!UsageCapped)
        {
            usage.Add(new UsageTuple(peer, protocol, IpProtocols.HasPorts(protocol) ? port : -1, reply));
            if (usage.Count > options.MaxUsageTuples)
            {
                UsageCapped = true;
                usage.Clear();
            }
        }
    }
}

/// <summary>One peer on one protocol and port (-1 for protocols without ports).</summary>
/// <param name="Reply">A reply packet through a network ACL entry; its <see cref="Port"/> is <see cref="RuleStats.EphemeralFrom"/> for any ephemeral port.</param>
public readonly record struct UsageTuple(IpAddress128 Peer, int Protocol, int Port, bool Reply = false);
