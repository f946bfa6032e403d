using System.Globalization;
using System.Text.Json;
using Argus.Core.Model;
using Argus.Network.FlowLogs.Addressing;
using Argus.Network.FlowLogs.Parsing;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// The rule-usage model read straight from a snapshot's raw EC2 documents (DescribeSecurityGroups,
/// DescribeSecurityGroupRules when present, DescribeNetworkInterfaces, DescribeNetworkAcls, DescribeSubnets,
/// DescribeManagedPrefixLists with GetManagedPrefixListEntries, DescribeFlowLogs), in the shapes
/// docs/raw-documents.md describes.
/// </summary>
public sealed class SnapshotRuleModel : IRuleUsageModel
{
    private readonly InterfaceIndex interfaceIndex;

    private SnapshotRuleModel(
        Dictionary<string, InterfaceFacts> interfaces,
        IReadOnlyList<FirewallRule> rules,
        IReadOnlyList<SecurityGroupFacts> groups,
        IReadOnlyList<NetworkAclFacts> acls,
        IReadOnlyList<FlowLogConfiguration> flowLogs)
    {
        interfaceIndex = new InterfaceIndex(interfaces);
        Rules = rules;
        SecurityGroups = groups;
        NetworkAcls = acls;
        FlowLogs = flowLogs;
    }

    public IReadOnlyList<InterfaceFacts> Interfaces => interfaceIndex.All;

    public IReadOnlyList<FirewallRule> Rules { get; }

    public IReadOnlyList<SecurityGroupFacts> SecurityGroups { get; }

    public IReadOnlyList<NetworkAclFacts> NetworkAcls { get; }

    public IReadOnlyList<FlowLogConfiguration> FlowLogs { get; }

    public InterfaceFacts? FindInterface(ReadOnlySpan<char> interfaceId) => interfaceIndex.Find(interfaceId);

    public InterfaceFacts? FindInterface(ReadOnlySpan<byte> interfaceId) => interfaceIndex.Find(interfaceId);

    /// <summary>Builds the model from a snapshot's documents; other documents are ignored.</summary>
    /// <exception cref="JsonException">A document is not JSON (stored documents always are).</exception>
    public static SnapshotRuleModel FromDocuments(IEnumerable<RawDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var builder = new Builder();
        foreach (var doc in documents)
        {
            if (doc.Provider == Provider.Aws && doc.Service == "ec2")
            {
                builder.Add(doc);
            }
        }

        return builder.Build();
    }

    private sealed class Builder
    {
        private readonly List<(RawDocument Doc, JsonElement Group)> groups = [];
        private readonly List<(RawDocument Doc, JsonElement Eni)> enis = [];
        private readonly List<(RawDocument Doc, JsonElement Acl)> acls = [];
        private readonly Dictionary<string, IpCidr[]> subnetCidrs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<IpCidr>> prefixLists = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> ruleIds = new(StringComparer.Ordinal);
        private readonly List<FlowLogConfiguration> flowLogs = [];

        public void Add(RawDocument doc)
        {
            var root = JsonDocument.Parse(doc.Json).RootElement;
            switch (doc.Operation)
            {
                case "DescribeSecurityGroups":
                    groups.AddRange(Items(root, "SecurityGroups").Select(g => (doc, g)));
                    break;
                case "DescribeNetworkInterfaces":
                    enis.AddRange(Items(root, "NetworkInterfaces").Select(e => (doc, e)));
                    break;
                case "DescribeNetworkAcls":
                    acls.AddRange(Items(root, "NetworkAcls").Select(a => (doc, a)));
                    break;
                case "DescribeSubnets":
                    foreach (var s in Items(root, "Subnets"))
                    {
                        var blocks = new List<IpCidr>();
                        AddCidr(blocks, Text(s, "CidrBlock"));
                        foreach (var a in Items(s, "Ipv6CidrBlockAssociationSet"))
                        {
                            AddCidr(blocks, Text(a, "Ipv6CidrBlock"));
                        }

                        subnetCidrs[Text(s, "SubnetId") ?? ""] = [.. blocks];
                    }

                    break;
                case "GetManagedPrefixListEntries" when doc.Resource is not null:
                    var entries = prefixLists.TryGetValue(doc.Resource, out var list) ? list : prefixLists[doc.Resource] = [];
                    foreach (var e in Items(root, "Entries"))
                    {
                        AddCidr(entries, Text(e, "Cidr"));
                    }

                    break;
                case "DescribeSecurityGroupRules":
                    foreach (var r in Items(root, "SecurityGroupRules"))
                    {
                        var peer = Text(r, "CidrIpv4") ?? Text(r, "CidrIpv6") ?? Text(r, "PrefixListId")
                            ?? (r.TryGetProperty("ReferencedGroupInfo", out var rg) ? Text(rg, "GroupId") : null);
                        var id = Text(r, "SecurityGroupRuleId");
                        if (peer is not null && id is not null)
                        {
                            var egress = r.TryGetProperty("IsEgress", out var e) && e.ValueKind == JsonValueKind.True;
                            ruleIds[SgKey(Text(r, "GroupId") ?? "", egress, Text(r, "IpProtocol"), Int(r, "FromPort"), Int(r, "ToPort"), Normalize(peer))] = id;
                        }
                    }

                    break;
                case "DescribeFlowLogs":
                    foreach (var f in Items(root, "FlowLogs"))
                    {
                        flowLogs.Add(new FlowLogConfiguration(
                            Text(f, "FlowLogId") ?? "", doc.Account, doc.Region, Text(f, "ResourceId") ?? "",
                            Text(f, "TrafficType") ?? "ALL", Text(f, "LogDestinationType") ?? "cloud-watch-logs",
                            Text(f, "LogDestination"), Text(f, "LogGroupName"), Text(f, "LogFormat"), Text(f, "FlowLogStatus"))
                        {
                            MaxAggregationInterval = Int(f, "MaxAggregationInterval") is { } interval and > 0 ? interval : 600,
                        });
                    }

                    break;
            }
        }

        public SnapshotRuleModel Build()
        {
            // Group members first: rules that reference a group match the addresses of its interfaces.
            var members = new Dictionary<string, HashSet<IpAddress128>>(StringComparer.Ordinal);
            var groupInterfaces = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (_, eni) in enis)
            {
                var addresses = Addresses(eni);
                foreach (var g in Items(eni, "Groups"))
                {
                    var gid = Text(g, "GroupId") ?? "";
                    (members.TryGetValue(gid, out var set) ? set : members[gid] = []).UnionWith(addresses);
                    (groupInterfaces.TryGetValue(gid, out var l) ? l : groupInterfaces[gid] = []).Add(Text(eni, "NetworkInterfaceId") ?? "");
                }
            }

            var rules = new List<FirewallRule>();
            var rulesByGroup = new Dictionary<string, List<FirewallRule>>(StringComparer.Ordinal);
            var groupFacts = new List<SecurityGroupFacts>();
            var knownGroups = groups.Select(g => Text(g.Group, "GroupId") ?? "").ToHashSet(StringComparer.Ordinal);
            foreach (var (doc, g) in groups)
            {
                var gid = Text(g, "GroupId") ?? "";
                var vpc = Text(g, "VpcId");
                var list = rulesByGroup[gid] = [];
                foreach (var (key, egress) in new[] { ("IpPermissions", false), ("IpPermissionsEgress", true) })
                {
                    foreach (var p in Items(g, key))
                    {
                        list.AddRange(PermissionRules(doc, gid, vpc, egress, p, members, knownGroups));
                    }
                }

                rules.AddRange(list);
                groupFacts.Add(new SecurityGroupFacts(gid, Text(g, "GroupName") ?? gid, doc.Account, doc.Region, vpc,
                    groupInterfaces.TryGetValue(gid, out var attached) ? attached : []));
            }

            var aclBySubnet = new Dictionary<string, (FirewallRule[] In, FirewallRule[] Out)>(StringComparer.Ordinal);
            var defaultAclByVpc = new Dictionary<string, (FirewallRule[] In, FirewallRule[] Out)>(StringComparer.Ordinal);
            var aclFacts = new List<NetworkAclFacts>();
            foreach (var (doc, a) in acls)
            {
                var aclId = Text(a, "NetworkAclId") ?? "";
                var vpc = Text(a, "VpcId");
                var entries = Items(a, "Entries").Select(e => AclEntry(doc, aclId, vpc, e)).OfType<FirewallRule>().OrderBy(r => r.RuleNumber).ToList();
                rules.AddRange(entries);
                var pair = (entries.Where(e => e.Direction == FlowDirection.Ingress).ToArray(), entries.Where(e => e.Direction == FlowDirection.Egress).ToArray());
                var subnets = Items(a, "Associations").Select(s => Text(s, "SubnetId")).OfType<string>().ToList();
                foreach (var s in subnets)
                {
                    aclBySubnet[s] = pair;
                }

                var isDefault = a.TryGetProperty("IsDefault", out var d) && d.ValueKind == JsonValueKind.True;
                if (isDefault && vpc is not null)
                {
                    defaultAclByVpc[vpc] = pair;
                }

                aclFacts.Add(new NetworkAclFacts(aclId, doc.Account, doc.Region, vpc, isDefault, subnets));
            }

            var facts = new Dictionary<string, InterfaceFacts>(StringComparer.Ordinal);
            foreach (var (doc, eni) in enis)
            {
                var id = Text(eni, "NetworkInterfaceId") ?? "";
                var gids = Items(eni, "Groups").Select(g => Text(g, "GroupId") ?? "").ToArray();
                var groupRules = gids.SelectMany(g => rulesByGroup.TryGetValue(g, out var l) ? l : []).ToList();
                var subnet = Text(eni, "SubnetId");
                var vpc = Text(eni, "VpcId");
                var acl = subnet is not null && aclBySubnet.TryGetValue(subnet, out var found) ? found
                    : vpc is not null && defaultAclByVpc.TryGetValue(vpc, out var fallback) ? fallback
                    : ([], []);
                facts[id] = new InterfaceFacts
                {
                    Id = id,
                    Account = doc.Account,
                    Region = doc.Region,
                    VpcId = vpc,
                    SubnetId = subnet,
                    InterfaceType = Text(eni, "InterfaceType"),
                    Description = Text(eni, "Description"),
                    Addresses = [.. Addresses(eni)],
                    SecurityGroupIds = gids,
                    IngressRules = [.. groupRules.Where(r => r.Direction == FlowDirection.Ingress)],
                    EgressRules = [.. groupRules.Where(r => r.Direction == FlowDirection.Egress)],
                    AclInbound = acl.Item1,
                    AclOutbound = acl.Item2,
                    SubnetCidrs = subnet is not null && subnetCidrs.TryGetValue(subnet, out var cidrs) ? cidrs : [],
                    Index = facts.Count,
                };
            }

            return new SnapshotRuleModel(facts, rules, groupFacts, aclFacts, flowLogs);
        }

        private IEnumerable<FirewallRule> PermissionRules(RawDocument doc, string gid, string? vpc, bool egress, JsonElement p,
            Dictionary<string, HashSet<IpAddress128>> members, HashSet<string> knownGroups)
        {
            var protocolText = Text(p, "IpProtocol");
            var protocol = IpProtocols.Parse(protocolText) ?? IpProtocols.All;
            var from = Int(p, "FromPort");
            var to = Int(p, "ToPort");
            var peers = new List<(RulePeer Peer, string? Description)>();
            foreach (var r in Items(p, "IpRanges"))
            {
                if (IpCidr.TryParse(Text(r, "CidrIp"), out var c))
                {
                    peers.Add((RulePeer.ForCidr(c), Text(r, "Description")));
                }
            }

            foreach (var r in Items(p, "Ipv6Ranges"))
            {
                if (IpCidr.TryParse(Text(r, "CidrIpv6"), out var c))
                {
                    peers.Add((RulePeer.ForCidr(c), Text(r, "Description")));
                }
            }

            foreach (var r in Items(p, "PrefixListIds"))
            {
                var pl = Text(r, "PrefixListId") ?? "";
                peers.Add((RulePeer.ForPrefixList(pl, prefixLists.TryGetValue(pl, out var entries) ? entries : null), Text(r, "Description")));
            }

            foreach (var r in Items(p, "UserIdGroupPairs"))
            {
                var other = Text(r, "GroupId") ?? "";
                var owner = Text(r, "UserId");
                var peer = members.TryGetValue(other, out var set) ? RulePeer.ForGroup(other, set)
                    : knownGroups.Contains(other) ? RulePeer.ForGroup(other, [])
                    : RulePeer.ForGroup(other, null, owner is not null && owner != doc.Account
                        ? $"{other} belongs to account {owner}, whose interfaces are not in the snapshot"
                        : $"{other} is not in the snapshot");
                peers.Add((peer, Text(r, "Description")));
            }

            foreach (var (peer, description) in peers)
            {
                var key = SgKey(gid, egress, protocolText, from, to, peer.Text);
                yield return new FirewallRule
                {
                    Id = ruleIds.GetValueOrDefault(key, key),
                    Key = key,
                    Kind = FirewallRuleKind.SecurityGroup,
                    OwnerId = gid,
                    Account = doc.Account,
                    Region = doc.Region,
                    VpcId = vpc,
                    Direction = egress ? FlowDirection.Egress : FlowDirection.Ingress,
                    Protocol = protocol,
                    FromPort = protocol == IpProtocols.All ? -1 : from ?? -1,
                    ToPort = protocol == IpProtocols.All ? -1 : to ?? -1,
                    Peer = peer,
                    Description = description,
                };
            }
        }

        private static FirewallRule? AclEntry(RawDocument doc, string aclId, string? vpc, JsonElement e)
        {
            var cidrText = Text(e, "CidrBlock") ?? Text(e, "Ipv6CidrBlock");
            var number = Int(e, "RuleNumber");
            if (!IpCidr.TryParse(cidrText, out var cidr) || number is null)
            {
                return null;
            }

            var egress = e.TryGetProperty("Egress", out var eg) && eg.ValueKind == JsonValueKind.True;
            var protocol = IpProtocols.Parse(Text(e, "Protocol")) ?? IpProtocols.All;
            int from = -1, to = -1;
            if (e.TryGetProperty("PortRange", out var range))
            {
                from = Int(range, "From") ?? -1;
                to = Int(range, "To") ?? -1;
            }
            else if (e.TryGetProperty("IcmpTypeCode", out var icmp))
            {
                from = Int(icmp, "Type") ?? -1;
                to = Int(icmp, "Code") ?? -1;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"{aclId}/{(egress ? "egress" : "ingress")}/{number}");
            return new FirewallRule
            {
                Id = key,
                Key = key,
                Kind = FirewallRuleKind.NetworkAcl,
                OwnerId = aclId,
                Account = doc.Account,
                Region = doc.Region,
                VpcId = vpc,
                Direction = egress ? FlowDirection.Egress : FlowDirection.Ingress,
                Protocol = protocol,
                FromPort = protocol == IpProtocols.All ? -1 : from,
                ToPort = protocol == IpProtocols.All ? -1 : to,
                Peer = RulePeer.ForCidr(cidr),
                Allow = Text(e, "RuleAction") == "allow",
                RuleNumber = number.Value,
            };
        }

        private static List<IpAddress128> Addresses(JsonElement eni)
        {
            var list = new List<IpAddress128>();
            void Add(string? text)
            {
                if (text is not null && IpAddress128.TryParse(text.AsSpan(), out var a) && !list.Contains(a))
                {
                    list.Add(a);
                }
            }

            Add(Text(eni, "PrivateIpAddress"));
            foreach (var p in Items(eni, "PrivateIpAddresses"))
            {
                Add(Text(p, "PrivateIpAddress"));
            }

            foreach (var p in Items(eni, "Ipv6Addresses"))
            {
                Add(Text(p, "Ipv6Address"));
            }

            return list;
        }

        /// <summary>The readable rule key: group, direction, protocol, port range, peer.</summary>
        public static string SgKey(string groupId, bool egress, string? protocolText, int? from, int? to, string peer)
        {
            var protocol = IpProtocols.Parse(protocolText) ?? IpProtocols.All;
            var ports = protocol == IpProtocols.All || from is null ? "all" : string.Create(CultureInfo.InvariantCulture, $"{from}-{to}");
            return $"{groupId}/{(egress ? "egress" : "ingress")}/{IpProtocols.Name(protocol)}/{ports}/{peer}";
        }

        private static string Normalize(string peer) => IpCidr.TryParse(peer, out var c) ? c.ToString() : peer;

        private static void AddCidr(List<IpCidr> list, string? text)
        {
            if (IpCidr.TryParse(text, out var c))
            {
                list.Add(c);
            }
        }

        private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

        private static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static int? Int(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
    }
}
