namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// What rule-usage analysis needs to know about a network: interfaces with the rules that apply to them, every
/// rule, every group and ACL, and the flow logs configured. Kept narrow so that the network engine's model can
/// stand behind it instead of <see cref="SnapshotRuleModel"/>.
/// </summary>
public interface IRuleUsageModel
{
    /// <summary>The interface with this id, or null (the hot path: called once per record, must not allocate).</summary>
    InterfaceFacts? FindInterface(ReadOnlySpan<char> interfaceId);

    /// <summary>The interface with this id as a record carries it (ASCII), or null; the hot path, must not allocate.</summary>
    InterfaceFacts? FindInterface(ReadOnlySpan<byte> interfaceId)
    {
        if (interfaceId.Length > 64)
        {
            return null;
        }

        Span<char> chars = stackalloc char[64];
        var n = System.Text.Encoding.ASCII.GetChars(interfaceId, chars);
        return FindInterface(chars[..n]);
    }

    IReadOnlyList<InterfaceFacts> Interfaces { get; }

    /// <summary>Every security group rule and network ACL entry.</summary>
    IReadOnlyList<FirewallRule> Rules { get; }

    IReadOnlyList<SecurityGroupFacts> SecurityGroups { get; }

    IReadOnlyList<NetworkAclFacts> NetworkAcls { get; }

    IReadOnlyList<FlowLogConfiguration> FlowLogs { get; }
}
