using Argus.Network.FlowLogs.Attribution;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// Several snapshots of the same accounts as one model, so that each flow record is judged against the rules and
/// group memberships in effect when it started. Rules are merged by their stable identity (the composite key and
/// the rule's text: an ACL entry number that changed meaning is a different rule), so one rule's usage adds up
/// across snapshots, and each rule knows the snapshots it existed in. Interfaces keep one version per change of
/// their addresses, groups, rules or subnet: memory is one model plus what changed, whatever the number of
/// snapshots, and the snapshots are read one at a time while building.
/// </summary>
public sealed class TimelineRuleModel : IRuleUsageModel
{
    private readonly InterfaceIndex interfaceIndex;
    private readonly Dictionary<FirewallRule, bool[]> existence;
    private readonly long[] starts;

    private TimelineRuleModel(
        IReadOnlyList<SnapshotPeriod> periods,
        Dictionary<string, InterfaceFacts> interfaces,
        IReadOnlyList<FirewallRule> rules,
        Dictionary<FirewallRule, bool[]> existence,
        IReadOnlyList<SecurityGroupFacts> groups,
        IReadOnlyList<NetworkAclFacts> acls,
        IReadOnlyList<FlowLogConfiguration> flowLogs,
        int tableCount)
    {
        Periods = periods;
        starts = [.. periods.Select(p => p.From)];
        interfaceIndex = new InterfaceIndex(interfaces);
        Rules = rules;
        this.existence = existence;
        SecurityGroups = groups;
        NetworkAcls = acls;
        FlowLogs = flowLogs;
        TableCount = tableCount;
    }

    /// <summary>The snapshots, oldest first.</summary>
    public IReadOnlyList<SnapshotPeriod> Periods { get; }

    /// <summary>Each interface as the latest snapshot that has it shows it; its earlier versions are used by record time.</summary>
    public IReadOnlyList<InterfaceFacts> Interfaces => interfaceIndex.All;

    /// <summary>Every rule of any snapshot, once per identity.</summary>
    public IReadOnlyList<FirewallRule> Rules { get; }

    /// <summary>Every group of any snapshot, with every interface it had at any time.</summary>
    public IReadOnlyList<SecurityGroupFacts> SecurityGroups { get; }

    public IReadOnlyList<NetworkAclFacts> NetworkAcls { get; }

    public IReadOnlyList<FlowLogConfiguration> FlowLogs { get; }

    /// <summary>Interface versions in all: the analyzer keeps one set of rule tables per version.</summary>
    internal int TableCount { get; }

    public InterfaceFacts? FindInterface(ReadOnlySpan<char> interfaceId) => interfaceIndex.Find(interfaceId);

    public InterfaceFacts? FindInterface(ReadOnlySpan<byte> interfaceId) => interfaceIndex.Find(interfaceId);

    /// <summary>The index in <see cref="Periods"/> of the snapshot in effect at <paramref name="time"/> (Unix seconds): the latest taken at or before it, else the first.</summary>
    public int PeriodAt(long time)
    {
        var k = Array.BinarySearch(starts, time);
        return k >= 0 ? LastEqual(k) : Math.Max(0, ~k - 1);
    }

    /// <summary>Whether a record starting at <paramref name="time"/> predates every snapshot (judged against the first).</summary>
    public bool BeforeFirstSnapshot(long time) => time >= 0 && time < starts[0];

    /// <summary>The snapshots that have the rule (for a rule of an account or region a snapshot did not cover, the nearest snapshot that did decides).</summary>
    public IReadOnlyList<SnapshotPeriod> PeriodsOf(FirewallRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return existence.TryGetValue(rule, out var e) ? [.. Periods.Where((_, k) => e[k])] : [];
    }

    /// <summary>Whether the rule exists in every snapshot of the timeline.</summary>
    public bool ExistsThroughout(FirewallRule rule) => !existence.TryGetValue(rule, out var e) || Array.TrueForAll(e, x => x);

    /// <summary>
    /// The stretches (Unix seconds, end exclusive) in which the rule existed: from its snapshot's time to the next
    /// snapshot's; the first snapshot's stretch reaches back without limit, the last one's forward.
    /// </summary>
    public IReadOnlyList<(long From, long To)> Existence(FirewallRule rule)
    {
        if (!existence.TryGetValue(rule, out var e))
        {
            return [(long.MinValue, long.MaxValue)];
        }

        var spans = new List<(long From, long To)>();
        for (var k = 0; k < e.Length; k++)
        {
            if (!e[k])
            {
                continue;
            }

            var from = k == 0 ? long.MinValue : starts[k];
            var to = k == e.Length - 1 ? long.MaxValue : starts[k + 1];
            if (spans.Count > 0 && spans[^1].To == from)
            {
                spans[^1] = (spans[^1].From, to);
            }
            else
            {
                spans.Add((from, to));
            }
        }

        return spans;
    }

    private int LastEqual(int k)
    {
        while (k + 1 < starts.Length && starts[k + 1] == starts[k])
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Reads the snapshots oldest first, one at a time (each model is dropped once merged), into one timeline.
    /// Snapshots whose model has no interface, rule or group are left out (they hold no network state).
    /// </summary>
    /// <exception cref="ArgumentException">No snapshot with network state.</exception>
    public static TimelineRuleModel Build(IEnumerable<TimelineSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var builder = new Builder();
        foreach (var s in snapshots.OrderBy(s => s.TakenAt))
        {
            var model = s.Load();
            if (model.Interfaces.Count == 0 && model.Rules.Count == 0 && model.SecurityGroups.Count == 0)
            {
                continue;
            }

            builder.Add(new SnapshotPeriod(s.SnapshotId, s.TakenAt), model);
        }

        return builder.Periods.Count == 0
            ? throw new ArgumentException("none of the snapshots has network interfaces, security groups or network ACLs")
            : builder.Build();
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, FirewallRule> canonical = new(StringComparer.Ordinal);
        private readonly List<FirewallRule> rules = [];
        private readonly Dictionary<FirewallRule, List<int>> present = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<FirewallRule[], FirewallRule[]> arrays = new(RuleSequenceComparer.Instance);
        private readonly Dictionary<string, List<(int Period, InterfaceFacts Facts)>> versions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (SecurityGroupFacts Latest, HashSet<string> Interfaces)> groups = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (NetworkAclFacts Latest, HashSet<string> Subnets)> acls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FlowLogConfiguration> flowLogs = new(StringComparer.Ordinal);
        private readonly List<HashSet<(string Account, string Region)>> scopes = [];

        public List<SnapshotPeriod> Periods { get; } = [];

        public void Add(SnapshotPeriod period, IRuleUsageModel model)
        {
            var k = Periods.Count;
            Periods.Add(period);
            scopes.Add([.. model.Rules.Select(r => (r.Account, r.Region)).Concat(model.Interfaces.Select(i => (i.Account, i.Region)))
                .Concat(model.SecurityGroups.Select(g => (g.Account, g.Region)))]);
            var map = new Dictionary<FirewallRule, FirewallRule>(ReferenceEqualityComparer.Instance);
            foreach (var rule in model.Rules)
            {
                map[rule] = Canonical(rule, k);
            }

            foreach (var i in model.Interfaces)
            {
                var facts = new InterfaceFacts
                {
                    Id = i.Id,
                    Account = i.Account,
                    Region = i.Region,
                    VpcId = i.VpcId,
                    SubnetId = i.SubnetId,
                    InterfaceType = i.InterfaceType,
                    Description = i.Description,
                    Addresses = i.Addresses,
                    SecurityGroupIds = i.SecurityGroupIds,
                    IngressRules = Map(i.IngressRules, map, k),
                    EgressRules = Map(i.EgressRules, map, k),
                    AclInbound = Map(i.AclInbound, map, k),
                    AclOutbound = Map(i.AclOutbound, map, k),
                    SubnetCidrs = i.SubnetCidrs,
                };
                if (!versions.TryGetValue(i.Id, out var list))
                {
                    versions[i.Id] = [(k, facts)];
                }
                else if (!Same(list[^1].Facts, facts))
                {
                    list.Add((k, facts));
                }
            }

            foreach (var g in model.SecurityGroups)
            {
                var members = groups.TryGetValue(g.Id, out var known) ? known.Interfaces : new HashSet<string>(StringComparer.Ordinal);
                members.UnionWith(g.InterfaceIds);
                groups[g.Id] = (g, members);
            }

            foreach (var a in model.NetworkAcls)
            {
                var subnets = acls.TryGetValue(a.Id, out var known) ? known.Subnets : new HashSet<string>(StringComparer.Ordinal);
                subnets.UnionWith(a.SubnetIds);
                acls[a.Id] = (a, subnets);
            }

            foreach (var f in model.FlowLogs)
            {
                flowLogs[f.FlowLogId] = f;
            }
        }

        public TimelineRuleModel Build()
        {
            var merged = new Dictionary<string, InterfaceFacts>(StringComparer.Ordinal);
            var tables = 0;
            foreach (var (id, list) in versions)
            {
                var index = merged.Count;
                var facts = list.Select(v => With(v.Facts, index, tables++, null)).ToArray();
                var latest = facts[^1];
                merged[id] = facts.Length == 1
                    ? latest
                    : With(latest, index, latest.TableIndex, new InterfaceVersions([.. list.Select(v => Periods[v.Period].From)], facts));
            }

            var existence = new Dictionary<FirewallRule, bool[]>(ReferenceEqualityComparer.Instance);
            foreach (var rule in rules)
            {
                existence[rule] = Existence(rule);
            }

            return new TimelineRuleModel(
                Periods,
                merged,
                rules,
                existence,
                [.. groups.Values.Select(g => g.Latest with { InterfaceIds = [.. g.Interfaces.Order(StringComparer.Ordinal)] })],
                [.. acls.Values.Select(a => a.Latest with { SubnetIds = [.. a.Subnets.Order(StringComparer.Ordinal)] })],
                [.. flowLogs.Values],
                tables);
        }

        // Snapshots that did not cover the rule's account and region say nothing about it: the nearest one that did decides.
        private bool[] Existence(FirewallRule rule)
        {
            var n = Periods.Count;
            var e = new bool[n];
            var known = new bool[n];
            foreach (var k in present[rule])
            {
                e[k] = true;
            }

            for (var k = 0; k < n; k++)
            {
                known[k] = scopes[k].Contains((rule.Account, rule.Region));
            }

            var last = -1;
            for (var k = 0; k < n; k++)
            {
                if (known[k])
                {
                    last = k;
                }
                else if (last >= 0)
                {
                    e[k] = e[last];
                }
            }

            var first = Array.IndexOf(known, true);
            for (var k = 0; k < first; k++)
            {
                e[k] = e[first];
            }

            return e;
        }

        private FirewallRule Canonical(FirewallRule rule, int period)
        {
            // The key alone would merge an ACL entry whose number was reused for another rule; the text tells them apart.
            var identity = rule.Key + "\n" + rule;
            if (canonical.TryGetValue(identity, out var known))
            {
                known.Peer.AddMembersOf(rule.Peer);
            }
            else
            {
                canonical[identity] = known = rule;
                rules.Add(rule);
                present[rule] = [];
            }

            var seen = present[known];
            if (seen.Count == 0 || seen[^1] != period)
            {
                seen.Add(period);
            }

            return known;
        }

        private FirewallRule[] Map(FirewallRule[] source, Dictionary<FirewallRule, FirewallRule> map, int period)
        {
            if (source.Length == 0)
            {
                return [];
            }

            var mapped = source.Select(r => map.TryGetValue(r, out var c) ? c : Canonical(r, period)).ToArray();
            if (arrays.TryGetValue(mapped, out var shared))
            {
                return shared;
            }

            arrays[mapped] = mapped;
            return mapped;
        }

        private static bool Same(InterfaceFacts a, InterfaceFacts b) =>
            a.SubnetId == b.SubnetId && a.VpcId == b.VpcId
            && a.Addresses.AsSpan().SequenceEqual(b.Addresses) && a.SecurityGroupIds.AsSpan().SequenceEqual(b.SecurityGroupIds)
            && ReferenceEquals(a.IngressRules, b.IngressRules) && ReferenceEquals(a.EgressRules, b.EgressRules)
            && ReferenceEquals(a.AclInbound, b.AclInbound) && ReferenceEquals(a.AclOutbound, b.AclOutbound)
            && a.SubnetCidrs.AsSpan().SequenceEqual(b.SubnetCidrs);

        private static InterfaceFacts With(InterfaceFacts f, int index, int table, InterfaceVersions? history) => new()
        {
            Id = f.Id,
            Account = f.Account,
            Region = f.Region,
            VpcId = f.VpcId,
            SubnetId = f.SubnetId,
            InterfaceType = f.InterfaceType,
            Description = f.Description,
            Addresses = f.Addresses,
            SecurityGroupIds = f.SecurityGroupIds,
            IngressRules = f.IngressRules,
            EgressRules = f.EgressRules,
            AclInbound = f.AclInbound,
            AclOutbound = f.AclOutbound,
            SubnetCidrs = f.SubnetCidrs,
            Index = index,
            TableIndex = table,
            Versions = history,
        };
    }
}
