using System.Collections;
using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// What the records attributed to one rule add up to. Sets are bounded by the options. IPv4 peers and their
/// (peer, protocol, port) tuples are kept packed in 32- and 64-bit keys: a 128-bit address struct per entry made
/// these sets the bulk of attribution's memory traffic, while almost every peer is IPv4.
/// </summary>
public sealed class RuleStats(FirewallRule rule, RuleUsageOptions options)
{
    private readonly PackedKeySet peersV4 = new();
    private readonly PackedKeySet usageV4 = new();
    private HashSet<IpAddress128>? peersOther;
    private HashSet<UsageTuple>? usageOther;
    private PeerView? peerView;
    private UsageView? usageView;

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

    public int DistinctPeers => peersV4.Count + (peersOther?.Count ?? 0);

    /// <summary>True when more peers were seen than counted: <see cref="DistinctPeers"/> is a lower bound.</summary>
    public bool PeersCapped { get; private set; }

    /// <summary>True when the traffic was too varied to keep every (peer, protocol, port): no tighter rule is suggested.</summary>
    public bool UsageCapped { get; private set; }

    /// <summary>Distinct (peer, protocol, port) the rule carried, unless <see cref="UsageCapped"/>; a live view, in no particular order.</summary>
    public IReadOnlyCollection<UsageTuple> Usage => usageView ??= new UsageView(this);

    /// <summary>The distinct peers counted; a live view, in no particular order.</summary>
    public IReadOnlyCollection<IpAddress128> Peers => peerView ??= new PeerView(this);

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

        var v4 = !peer.IsV6 && peer.Value <= uint.MaxValue;
        if (v4)
        {
            var address = (uint)peer.Value;
            if (DistinctPeers < options.MaxPeersCounted)
            {
                peersV4.Add(address);
            }
            else if (!peersV4.Contains(address))
            {
                PeersCapped = true;
            }
        }
        else if (DistinctPeers < options.MaxPeersCounted)
        {
            (peersOther ??= []).Add(peer);
        }
        else if (peersOther is null || !peersOther.Contains(peer))
        {
            PeersCapped = true;
        }

        if (!UsageCapped)
        {
            port = IpProtocols.HasPorts(protocol) ? port : -1;
            if (v4 && protocol is >= -1 and <= 255 && port is >= -1 and <= 65535)
            {
                usageV4.Add(Pack((uint)peer.Value, protocol, port, reply));
            }
            else
            {
                (usageOther ??= []).Add(new UsageTuple(peer, protocol, port, reply));
            }

            if (usageV4.Count + (usageOther?.Count ?? 0) > options.MaxUsageTuples)
            {
                UsageCapped = true;
                usageV4.Clear();
                usageOther?.Clear();
            }
        }
    }

    // Address in bits 27-58, protocol + 1 in 18-26, port + 1 in 1-17, reply in bit 0.
    private static ulong Pack(uint address, int protocol, int port, bool reply) =>
        ((ulong)address << 27) | ((ulong)(protocol + 1) << 18) | ((ulong)(port + 1) << 1) | (reply ? 1UL : 0UL);

    private static UsageTuple Unpack(ulong key) => new(
        new IpAddress128((uint)(key >> 27), false),
        (int)((key >> 18) & 0x1FF) - 1,
        (int)((key >> 1) & 0x1FFFF) - 1,
        (key & 1) != 0);

    private sealed class PeerView(RuleStats stats) : IReadOnlyCollection<IpAddress128>
    {
        public int Count => stats.DistinctPeers;

        public IEnumerator<IpAddress128> GetEnumerator()
        {
            foreach (var a in stats.peersV4.Keys)
            {
                yield return new IpAddress128((uint)a, false);
            }

            if (stats.peersOther is { } other)
            {
                foreach (var a in other)
                {
                    yield return a;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class UsageView(RuleStats stats) : IReadOnlyCollection<UsageTuple>
    {
        public int Count => stats.usageV4.Count + (stats.usageOther?.Count ?? 0);

        public IEnumerator<UsageTuple> GetEnumerator()
        {
            foreach (var key in stats.usageV4.Keys)
            {
                yield return Unpack(key);
            }

            if (stats.usageOther is { } other)
            {
                foreach (var u in other)
                {
                    yield return u;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>One peer on one protocol and port (-1 for protocols without ports).</summary>
/// <param name="Reply">A reply packet through a network ACL entry; its <see cref="Port"/> is <see cref="RuleStats.EphemeralFrom"/> for any ephemeral port.</param>
public readonly record struct UsageTuple(IpAddress128 Peer, int Protocol, int Port, bool Reply = false);
