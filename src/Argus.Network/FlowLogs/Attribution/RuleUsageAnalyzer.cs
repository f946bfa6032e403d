using System.Text;
using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Parsing;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// Attributes each accepted flow record to the security group rules and network ACL entries that allowed it.
/// Security groups are stateful, so only the direction from the connection's initiator to its responder counts:
/// TCP flags decide first (SYN from the initiator, SYN-ACK from the responder), then a connection seen before,
/// then ports (the well-known or lower side is the server), then the first record seen. Network ACLs are
/// stateless: every accepted packet crossing the subnet boundary, replies included, is attributed to the first
/// entry that matches it, and the same initiator logic marks which of its hits are replies. Addresses are the packet's own (<c>pkt-srcaddr</c>/<c>pkt-dstaddr</c>) where present.
/// Reading a record allocates nothing once its interface and connection are known.
/// </summary>
public sealed class RuleUsageAnalyzer : IFlowRecordSink
{
    private const int MaxUnknownInterfaces = 10_000;

    private readonly IRuleUsageModel model;
    private readonly RuleUsageOptions options;
    private readonly Dictionary<FirewallRule, RuleStats> stats = new(ReferenceEqualityComparer.Instance);
    private readonly InterfaceCounters?[] counters;
    private readonly Dictionary<string, int> intervals = new(StringComparer.Ordinal);
    private readonly int defaultInterval;
    private readonly RuleStats[][] ingress;
    private readonly RuleStats[][] egress;
    private readonly RuleStats[][] aclIn;
    private readonly RuleStats[][] aclOut;
    private readonly ConnectionTracker tracker;
    private readonly Dictionary<string, long> unknownInterfaces = new(StringComparer.Ordinal);
    private readonly TimelineRuleModel? timeline;
    private readonly long[] periodRecords;
    private readonly long since;
    private readonly long until;
    private readonly byte[] lastId = new byte[64];
    private int lastIdLength = -1;
    private InterfaceFacts? lastInterface;

    public RuleUsageAnalyzer(IRuleUsageModel model, RuleUsageOptions? options = null)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        this.options = options ?? new RuleUsageOptions();
        foreach (var rule in model.Rules)
        {
            stats[rule] = new RuleStats(rule, this.options);
        }

        var count = 0;
        var tableCount = 0;
        foreach (var i in model.Interfaces)
        {
            count = Math.Max(count, i.Index + 1);
            foreach (var v in VersionsOf(i))
            {
                tableCount = Math.Max(tableCount, v.TableIndex + 1);
            }
        }

        timeline = model as TimelineRuleModel;
        periodRecords = new long[timeline?.Periods.Count ?? 0];

        defaultInterval = model.FlowLogs.Count == 0 ? 600 : int.MinValue;
        foreach (var f in model.FlowLogs)
        {
            defaultInterval = Math.Max(defaultInterval, f.MaxAggregationInterval);
            intervals[f.ResourceId] = intervals.TryGetValue(f.ResourceId, out var known) ? Math.Max(known, f.MaxAggregationInterval) : f.MaxAggregationInterval;
        }

        counters = new InterfaceCounters?[count];
        ingress = new RuleStats[tableCount][];
        egress = new RuleStats[tableCount][];
        aclIn = new RuleStats[tableCount][];
        aclOut = new RuleStats[tableCount][];

        // Interfaces in the same groups and subnet have the same rules: they share one table of stats.
        var tables = new Dictionary<FirewallRule[], RuleStats[]>(RuleSequenceComparer.Instance);
        foreach (var i in model.Interfaces)
        {
            foreach (var v in VersionsOf(i))
            {
                ingress[v.TableIndex] = TableOf(v.IngressRules, tables);
                egress[v.TableIndex] = TableOf(v.EgressRules, tables);
                aclIn[v.TableIndex] = TableOf(v.AclInbound, tables);
                aclOut[v.TableIndex] = TableOf(v.AclOutbound, tables);
            }
        }

        Activity = new ActivitySpans(this.options.HoleIntervals * (long)defaultInterval, this.options.MaxSpansPerInterface);
        tracker = new ConnectionTracker(this.options.MaxTrackedConnections);
        since = this.options.Since?.ToUnixTimeSeconds() ?? long.MinValue;
        until = this.options.Until?.ToUnixTimeSeconds() ?? long.MaxValue;
    }

    public IRuleUsageModel Model => model;

    public RuleUsageOptions Options => options;

    /// <summary>Records read (valid lines), whatever their status.</summary>
    public long Records { get; private set; }

    /// <summary>Records outside <see cref="RuleUsageOptions.Since"/>/<see cref="RuleUsageOptions.Until"/>.</summary>
    public long OutsideWindow { get; private set; }

    /// <summary>Records without an interface id (a custom format without <c>interface-id</c>).</summary>
    public long WithoutInterface { get; private set; }

    /// <summary>Records of interfaces the snapshot does not have (deleted since, another account, a service's interface).</summary>
    public long ForUnknownInterfaces { get; private set; }

    /// <summary>Earliest record start in the window, Unix seconds; -1 before any record.</summary>
    public long WindowStart { get; private set; } = -1;

    public long WindowEnd { get; private set; } = -1;

    /// <summary>When any interface in the snapshot had records: tells a silent interface from a silent pipeline.</summary>
    public ActivitySpans Activity { get; }

    /// <summary>Interfaces not in the snapshot, with their record counts (the first 10,000 seen).</summary>
    public IReadOnlyDictionary<string, long> UnknownInterfaces => unknownInterfaces;

    /// <summary>Records judged against a snapshot before the first snapshot was taken (a timeline only): against the first.</summary>
    public long BeforeFirstSnapshot { get; private set; }

    /// <summary>For a <see cref="TimelineRuleModel"/>, the records judged against each of its snapshots, in its order; else empty.</summary>
    public IReadOnlyList<long> RecordsPerSnapshot => periodRecords;

    public RuleStats StatsOf(FirewallRule rule) => stats[rule];

    public InterfaceCounters CountersOf(InterfaceFacts facts) => counters[facts.Index] ??= NewCounters(facts);

    public void OnRecord(ref FlowRecord r)
    {
        Records++;
        if (r.End >= 0 && r.End < since || r.Start > until)
        {
            OutsideWindow++;
            return;
        }

        if (r.InterfaceId.IsEmpty)
        {
            WithoutInterface++;
            return;
        }

        var eni = Find(r.InterfaceId);
        if (eni is null)
        {
            ForUnknownInterfaces++;
            return;
        }

        if (r.Start >= 0 && (WindowStart < 0 || r.Start < WindowStart))
        {
            WindowStart = r.Start;
        }

        if (r.End > WindowEnd)
        {
            WindowEnd = r.End;
        }

        if (timeline is not null)
        {
            CountPeriod(r.Start);
        }

        var c = counters[eni.Index] ??= NewCounters(eni);
        if (eni.Versions is { } history)
        {
            // The groups and rules the interface had when the flow started.
            eni = history.At(r.Start);
        }

        c.Seen(r.Start, r.End);
        Activity.Add(r.Start, r.End);
        switch (r.LogStatus)
        {
            case FlowLogStatus.NoData:
                c.NoData++;
                return;
            case FlowLogStatus.SkipData:
                c.SkipData++;
                return;
        }

        if (r.Action != FlowAction.Accept)
        {
            if (r.Action == FlowAction.Reject)
            {
                c.Rejected++;
            }

            return;
        }

        c.Accepted++;
        var direction = r.Direction;
        if (direction == FlowDirection.Unknown)
        {
            direction = eni.Owns(r.DstAddr) ? FlowDirection.Ingress : eni.Owns(r.SrcAddr) ? FlowDirection.Egress : FlowDirection.Unknown;
            if (direction == FlowDirection.Unknown)
            {
                c.DirectionUnknown++;
                return;
            }
        }

        var inbound = direction == FlowDirection.Ingress;
        var local = inbound ? r.DstAddr : r.SrcAddr;
        var localPort = inbound ? r.DstPort : r.SrcPort;
        var remote = inbound ? r.PacketSource : r.PacketDestination;
        var remotePort = inbound ? r.SrcPort : r.DstPort;
        var forward = IsFromInitiator(ref r, eni.Index, inbound, local, localPort, remote, remotePort);

        if (forward && eni.SecurityGroupIds.Length > 0)
        {
            var matched = false;
            foreach (var s in inbound ? ingress[eni.TableIndex] : egress[eni.TableIndex])
            {
                if (s.Rule.Matches(remote, r.Protocol, r.DstPort))
                {
                    s.Hit(remote, r.Protocol, r.DstPort, r.Bytes, r.Packets, r.Start, r.End);
                    matched = true;
                }
            }

            if (!matched)
            {
                c.UnexplainedBySecurityGroups++;
            }
        }
        else if (!forward)
        {
            c.Replies++;
        }

        var acl = inbound ? aclIn[eni.TableIndex] : aclOut[eni.TableIndex];
        if (acl.Length > 0 && !eni.InSubnet(remote))
        {
            foreach (var s in acl)
            {
                if (s.Rule.Matches(remote, r.Protocol, r.DstPort))
                {
                    if (s.Rule.Allow)
                    {
                        s.Hit(remote, r.Protocol, r.DstPort, r.Bytes, r.Packets, r.Start, r.End, reply: !forward);
                    }
                    else
                    {
                        c.UnexplainedByNetworkAcl++;
                    }

                    break;
                }
            }
        }
    }

    private static IEnumerable<InterfaceFacts> VersionsOf(InterfaceFacts i) => i.Versions?.Facts ?? [i];

    private void CountPeriod(long start)
    {
        if (start < 0)
        {
            return;
        }

        periodRecords[timeline!.PeriodAt(start)]++;
        if (timeline.BeforeFirstSnapshot(start))
        {
            BeforeFirstSnapshot++;
        }
    }

    private RuleStats[] TableOf(FirewallRule[] rules, Dictionary<FirewallRule[], RuleStats[]> tables)
    {
        if (rules.Length == 0)
        {
            return [];
        }

        if (!tables.TryGetValue(rules, out var table))
        {
            table = new RuleStats[rules.Length];
            for (var k = 0; k < rules.Length; k++)
            {
                table[k] = stats[rules[k]];
            }

            tables[rules] = table;
        }

        return table;
    }

    // Counters come with the interface's first record: most interfaces of a large account have no flow logs.
    private InterfaceCounters NewCounters(InterfaceFacts i) =>
        new(new ActivitySpans(HoleTolerance(i), options.MaxSpansPerInterface));

    /// <summary>Several aggregation intervals of the flow logs capturing the interface (the longest, when several do).</summary>
    private long HoleTolerance(InterfaceFacts i)
    {
        var interval = -1;
        if (intervals.TryGetValue(i.Id, out var v))
        {
            interval = Math.Max(interval, v);
        }

        if (i.SubnetId is not null && intervals.TryGetValue(i.SubnetId, out v))
        {
            interval = Math.Max(interval, v);
        }

        if (i.VpcId is not null && intervals.TryGetValue(i.VpcId, out v))
        {
            interval = Math.Max(interval, v);
        }

        return options.HoleIntervals * (long)(interval < 0 ? defaultInterval : interval);
    }

    private bool IsFromInitiator(ref FlowRecord r, int eniIndex, bool inbound, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort)
    {
        if (r.Protocol == IpProtocols.Tcp && r.TcpFlags >= 0)
        {
            // SYN-ACK (18) comes from the responder; a SYN without ACK from the initiator.
            if ((r.TcpFlags & 0x12) == 0x12)
            {
                tracker.Remember(eniIndex, r.Protocol, local, localPort, remote, remotePort, initiatedLocally: inbound);
                return false;
            }

            if ((r.TcpFlags & 0x02) != 0)
            {
                tracker.Remember(eniIndex, r.Protocol, local, localPort, remote, remotePort, initiatedLocally: !inbound);
                return true;
            }
        }

        if (tracker.TryGet(eniIndex, r.Protocol, local, localPort, remote, remotePort, out var initiatedLocally))
        {
            return initiatedLocally != inbound;
        }

        if (r.SrcPort >= 0 && r.DstPort >= 0 && IpProtocols.HasPorts(r.Protocol))
        {
            var low = Math.Min(r.SrcPort, r.DstPort);
            var high = Math.Max(r.SrcPort, r.DstPort);
            if (low != high && ((low < 1024 && high >= 1024) || (low < 32768 && high >= 32768)))
            {
                // The lower port is the service's: the record is a request when it goes to it.
                return r.DstPort == low;
            }
        }

        tracker.Remember(eniIndex, r.Protocol, local, localPort, remote, remotePort, initiatedLocally: !inbound);
        return true;
    }

    private InterfaceFacts? Find(ReadOnlySpan<byte> id)
    {
        if (id.Length == lastIdLength && id.SequenceEqual(lastId.AsSpan(0, lastIdLength)))
        {
            return lastInterface;
        }

        if (id.Length > lastId.Length)
        {
            ForUnknownInterfaces++;
            return null;
        }

        var found = model.FindInterface(id);
        if (found is null)
        {
            Span<char> chars = stackalloc char[64];
            var n = Encoding.ASCII.GetChars(id, chars);
            var unknown = unknownInterfaces.GetAlternateLookup<ReadOnlySpan<char>>();
            if (unknown.TryGetValue(chars[..n], out var seen))
            {
                unknown[chars[..n]] = seen + 1;
            }
            else if (unknownInterfaces.Count < MaxUnknownInterfaces)
            {
                unknown[chars[..n]] = 1;
            }

            return null;
        }

        id.CopyTo(lastId);
        lastIdLength = id.Length;
        lastInterface = found;
        return found;
    }
}
