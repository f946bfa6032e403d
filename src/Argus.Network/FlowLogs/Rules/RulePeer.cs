using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// Whom a rule allows: a CIDR block, a managed prefix list (its CIDR entries), or a security group (the addresses
/// of the interfaces in it). <see cref="Resolved"/> is false when the snapshot lacks what the peer stands for (a
/// prefix list without entries, a group in another account): such a rule never matches, and is never called unused.
/// </summary>
public sealed class RulePeer
{
    private readonly IpCidr[] cidrs;
    private readonly HashSet<IpAddress128>? members;

    private RulePeer(string text, IpCidr[] cidrs, HashSet<IpAddress128>? members, bool resolved, string? unresolvedReason)
    {
        Text = text;
        this.cidrs = cidrs;
        this.members = members;
        Resolved = resolved;
        UnresolvedReason = unresolvedReason;
    }

    /// <summary>The peer as AWS names it: <c>0.0.0.0/0</c>, <c>pl-...</c>, <c>sg-...</c>.</summary>
    public string Text { get; }

    public bool Resolved { get; }

    /// <summary>Why the peer could not be resolved; null when it was.</summary>
    public string? UnresolvedReason { get; }

    /// <summary>The CIDR block, or the prefix list's entries; empty for a group reference.</summary>
    public IReadOnlyList<IpCidr> Cidrs => cidrs;

    /// <summary>A single CIDR block peer (the only kind that can be narrowed by a suggested rule).</summary>
    public IpCidr? Cidr => members is null && cidrs.Length == 1 && !Text.StartsWith("pl-", StringComparison.Ordinal) ? cidrs[0] : null;

    public bool IsGroup => members is not null;

    public static RulePeer ForCidr(IpCidr cidr) => new(cidr.ToString(), [cidr], null, true, null);

    public static RulePeer ForPrefixList(string id, IReadOnlyList<IpCidr>? entries) =>
        entries is null
            ? new(id, [], null, false, $"the entries of prefix list {id} are not in the snapshot (ec2:GetManagedPrefixListEntries)")
            : new(id, [.. entries], null, true, null);

    public static RulePeer ForGroup(string id, HashSet<IpAddress128>? memberAddresses, string? unresolvedReason = null) =>
        memberAddresses is null
            ? new(id, [], null, false, unresolvedReason ?? $"the members of {id} are not in the snapshot")
            : new(id, [], memberAddresses, true, null);

    /// <summary>
    /// Adds the members another snapshot's version of this group reference had: across a timeline a member of the
    /// group at any time counts, which errs towards "used", never towards a false "unused".
    /// </summary>
    internal void AddMembersOf(RulePeer other)
    {
        if (members is not null && other.members is not null && !ReferenceEquals(members, other.members))
        {
            members.UnionWith(other.members);
        }
    }

    public bool Matches(IpAddress128 address)
    {
        if (members is not null)
        {
            return members.Contains(address);
        }

        foreach (var c in cidrs)
        {
            if (c.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
