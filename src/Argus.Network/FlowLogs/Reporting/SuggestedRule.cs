using System.Globalization;
using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>A tighter rule covering the traffic a broad rule carried: protocol, port range and peers.</summary>
public sealed record SuggestedRule(int Protocol, int FromPort, int ToPort, IReadOnlyList<string> Peers)
{
    public string ProtocolAndPorts => Protocol == IpProtocols.All
        ? "all"
        : FromPort < 0 ? IpProtocols.Name(Protocol)
        : FromPort == ToPort ? string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}")
        : string.Create(CultureInfo.InvariantCulture, $"{IpProtocols.Name(Protocol)} {FromPort}-{ToPort}");

    public override string ToString() => $"{ProtocolAndPorts} {string.Join(", ", Peers)}";
}
