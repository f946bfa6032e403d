namespace Argus.Synthetic.Regional;

/// <summary>A security group reference in a rule; across a peering it names the peer's account and connection.</summary>
internal sealed record GroupPair(string GroupId, string UserId, string? Description = null, string? VpcId = null, string? PeeringConnectionId = null);

/// <summary>One rule of a security group, in the shape of an <c>IpPermission</c>.</summary>
internal sealed record SecurityGroupRule(string Protocol, int? FromPort, int? ToPort)
{
    public List<(string Cidr, string? Description)> IpRanges { get; } = [];

    public List<(string Cidr, string? Description)> Ipv6Ranges { get; } = [];

    public List<(string PrefixListId, string? Description)> PrefixLists { get; } = [];

    public List<GroupPair> Groups { get; } = [];

    public static SecurityGroupRule Tcp(int port) => new("tcp", port, port);

    public static SecurityGroupRule All() => new("-1", null, null);

    public SecurityGroupRule From(string cidr, string? description = null)
    {
        (cidr.Contains(':') ? Ipv6Ranges : IpRanges).Add((cidr, description));
        return this;
    }

    public SecurityGroupRule FromGroup(GroupPair pair)
    {
        Groups.Add(pair);
        return this;
    }

    public SecurityGroupRule FromPrefixList(string id, string? description = null)
    {
        PrefixLists.Add((id, description));
        return this;
    }
}

internal sealed record SecurityGroupModel(string Id, string Name, string Description, VpcModel Vpc, IReadOnlyList<Tag> Tags)
{
    public List<SecurityGroupRule> Ingress { get; } = [];

    public List<SecurityGroupRule> Egress { get; } = [];
}

/// <summary>A network ACL entry; <paramref name="Protocol"/> is the IANA number as text (<c>6</c>, <c>17</c>) or <c>-1</c>.</summary>
internal sealed record NetworkAclEntry(int RuleNumber, bool Egress, string Protocol, string Action, string? Cidr, string? Ipv6Cidr, int? FromPort = null, int? ToPort = null);

internal sealed record NetworkAclModel(string Id, VpcModel Vpc, bool IsDefault, IReadOnlyList<NetworkAclEntry> Entries, IReadOnlyList<Tag> Tags)
{
    public List<(string AssociationId, string SubnetId)> Associations { get; } = [];
}
