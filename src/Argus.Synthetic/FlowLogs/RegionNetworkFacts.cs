using System.Globalization;
using System.Net;
using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Synthetic.FlowLogs;

/// <summary>
/// What the flow-log generator knows about one account and region, read only from the raw documents it would
/// hand to an importer (interfaces, security groups, flow logs), never from the generator's plans.
/// </summary>
internal sealed class RegionNetworkFacts
{
    public required string Account { get; init; }

    public required string Region { get; init; }

    public List<NetworkInterfaceFact> Interfaces { get; } = [];

    public List<GroupRuleFact> Rules { get; } = [];

    public List<(string Id, string ResourceId, string TrafficType)> FlowLogs { get; } = [];

    /// <summary>Subnet id to its CIDR blocks.</summary>
    public Dictionary<string, List<string>> SubnetCidrs { get; } = new(StringComparer.Ordinal);

    /// <summary>Subnet id to its network ACL's entries, in rule-number order.</summary>
    public Dictionary<string, List<AclEntryFact>> AclBySubnet { get; } = new(StringComparer.Ordinal);

    /// <summary>VPC id to its default network ACL's entries, for subnets without an association.</summary>
    public Dictionary<string, List<AclEntryFact>> DefaultAclByVpc { get; } = new(StringComparer.Ordinal);

    /// <summary>Prefix list id to its CIDR entries.</summary>
    public Dictionary<string, List<string>> PrefixLists { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Interfaces.Count == 0 || FlowLogs.Count == 0;

    public void Add(RawDocument doc)
    {
        using var json = JsonDocument.Parse(doc.Json);
        var root = json.RootElement;
        switch (doc.Operation)
        {
            case "DescribeNetworkInterfaces":
                foreach (var e in Items(root, "NetworkInterfaces"))
                {
                    if (IPAddress.TryParse(Text(e, "PrivateIpAddress"), out var address))
                    {
                        var v6 = Items(e, "Ipv6Addresses").Select(a => Text(a, "Ipv6Address")).FirstOrDefault(a => a is not null);
                        Interfaces.Add(new NetworkInterfaceFact(Text(e, "NetworkInterfaceId")!, Text(e, "VpcId") ?? "", Text(e, "SubnetId") ?? "", address,
                            v6 is null ? null : IPAddress.Parse(v6), [.. Items(e, "Groups").Select(g => Text(g, "GroupId")!)]));
                    }
                }

                break;
            case "DescribeSecurityGroups":
                foreach (var g in Items(root, "SecurityGroups"))
                {
                    var gid = Text(g, "GroupId")!;
                    foreach (var (key, egress) in new[] { ("IpPermissions", false), ("IpPermissionsEgress", true) })
                    {
                        foreach (var p in Items(g, key))
                        {
                            AddRules(gid, egress, p);
                        }
                    }
                }

                break;
            case "DescribeSubnets":
                foreach (var sn in Items(root, "Subnets"))
                {
                    SubnetCidrs[Text(sn, "SubnetId")!] = [.. new[] { Text(sn, "CidrBlock") }
                        .Concat(Items(sn, "Ipv6CidrBlockAssociationSet").Select(a => Text(a, "Ipv6CidrBlock"))).OfType<string>()];
                }

                break;
            case "DescribeNetworkAcls":
                foreach (var acl in Items(root, "NetworkAcls"))
                {
                    var entries = Items(acl, "Entries").Select(e => new AclEntryFact(
                        e.TryGetProperty("Egress", out var eg) && eg.ValueKind == JsonValueKind.True,
                        Text(e, "Protocol") ?? "-1",
                        e.TryGetProperty("PortRange", out var pr) ? Int(pr, "From") : null,
                        e.TryGetProperty("PortRange", out var pr2) ? Int(pr2, "To") : null,
                        Text(e, "CidrBlock") ?? Text(e, "Ipv6CidrBlock") ?? "",
                        Text(e, "RuleAction") == "allow",
                        Int(e, "RuleNumber") ?? 32767)).OrderBy(e => e.RuleNumber).ToList();
                    foreach (var a in Items(acl, "Associations"))
                    {
                        AclBySubnet[Text(a, "SubnetId")!] = entries;
                    }

                    if (acl.TryGetProperty("IsDefault", out var d) && d.ValueKind == JsonValueKind.True && Text(acl, "VpcId") is { } vpc)
                    {
                        DefaultAclByVpc[vpc] = entries;
                    }
                }

                break;
            case "GetManagedPrefixListEntries" when doc.Resource is not null:
                PrefixLists[doc.Resource] = [.. Items(root, "Entries").Select(e => Text(e, "Cidr")).OfType<string>()];
                break;
            case "DescribeFlowLogs":
                foreach (var f in Items(root, "FlowLogs"))
                {
                    FlowLogs.Add((Text(f, "FlowLogId")!, Text(f, "ResourceId")!, Text(f, "TrafficType") ?? "ALL"));
                }

                break;
        }
    }

    private void AddRules(string gid, bool egress, JsonElement p)
    {
        var protocol = Text(p, "IpProtocol") ?? "-1";
        var from = Int(p, "FromPort");
        var to = Int(p, "ToPort");
        foreach (var r in Items(p, "IpRanges"))
        {
            Rules.Add(new GroupRuleFact(gid, egress, protocol, from, to, Text(r, "CidrIp")!, PeerKind.Cidr));
        }

        foreach (var r in Items(p, "Ipv6Ranges"))
        {
            Rules.Add(new GroupRuleFact(gid, egress, protocol, from, to, Text(r, "CidrIpv6")!, PeerKind.Ipv6Cidr));
        }

        foreach (var r in Items(p, "PrefixListIds"))
        {
            Rules.Add(new GroupRuleFact(gid, egress, protocol, from, to, Text(r, "PrefixListId")!, PeerKind.PrefixList));
        }

        foreach (var r in Items(p, "UserIdGroupPairs"))
        {
            Rules.Add(new GroupRuleFact(gid, egress, protocol, from, to, Text(r, "GroupId")!, PeerKind.Group));
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}

internal enum PeerKind
{
    Cidr,
    Ipv6Cidr,
    PrefixList,
    Group,
}

/// <summary>One network ACL entry.</summary>
internal sealed record AclEntryFact(bool Egress, string Protocol, int? FromPort, int? ToPort, string Cidr, bool Allow, int RuleNumber)
{
    public bool Matches(IPAddress peer, int protocol, int port) =>
        (Protocol == "-1" || Protocol == protocol.ToString(CultureInfo.InvariantCulture))
        && (FromPort is not { } from || protocol is not (6 or 17) || (port >= from && port <= (ToPort ?? from)))
        && AddressMath.Contains(Cidr, peer);
}

internal sealed record NetworkInterfaceFact(string Id, string VpcId, string SubnetId, IPAddress Address, IPAddress? Ipv6Address, IReadOnlyList<string> Groups);

/// <summary>One security group rule (one peer of an IpPermission).</summary>
internal sealed record GroupRuleFact(string GroupId, bool Egress, string Protocol, int? FromPort, int? ToPort, string Peer, PeerKind Kind)
{
    public int ProtocolNumber => Protocol switch
    {
        "-1" => -1,
        "tcp" => 6,
        "udp" => 17,
        "icmp" => 1,
        "icmpv6" => 58,
        _ => int.TryParse(Protocol, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1,
    };

    /// <summary>The rule's key in the form Argus's rule-usage report uses: group/direction/protocol/ports/peer.</summary>
    public string Key
    {
        get
        {
            var name = ProtocolNumber switch { -1 => "all", 6 => "tcp", 17 => "udp", 1 => "icmp", 58 => "icmpv6", var n => n.ToString(CultureInfo.InvariantCulture) };
            var ports = ProtocolNumber == -1 || FromPort is null ? "all" : string.Create(CultureInfo.InvariantCulture, $"{FromPort}-{ToPort}");
            return $"{GroupId}/{(Egress ? "egress" : "ingress")}/{name}/{ports}/{Peer}";
        }
    }
}
