using System.Globalization;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>A tighter rule covering the traffic a broad rule carried: protocol, port range and peers.</summary>
public sealed record SuggestedRule(int Protocol, int FromPort, int ToPort, IReadOnlyList<string> Peers)
{
    /// <summary>For a network ACL entry, the rule number to give it (the broad entry's own for the first); 0 otherwise.</summary>
    public int RuleNumber { get; init; }

    /// <summary>For a network ACL entry, true when it carries replies to connections opened from the other side.</summary>
    public bool ForReplies { get; init; }

    public string ProtocolAndPorts => Protocol == IpProtocols.All
        ? "all"
        : FromPort < 0 ? IpProtocols.Name(Protocol)
        : FromPort == ToPort ? string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}")
        : string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}-{ToPort}");

    public override string ToString() =>
        (RuleNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $"#{RuleNumber} ") : "") + $"{ProtocolAndPorts} {string.Join(", ", Peers)}" + (ForReplies ? " (replies)" : "");
}
