using Argus.Network.Traffic;

namespace Argus.Network.Model.Firewall;

/// <summary>
/// One stateless rule's match attributes and action. Empty address lists match every address; <see cref="Protocols"/>
/// null matches every protocol; ports apply to TCP and UDP. <see cref="TcpFlags"/> rules match some packets of a
/// connection only, so what they match is never certain.
/// </summary>
public sealed record StatelessRule(
    int Priority,
    IReadOnlyList<Addressing.IpPrefix> Sources,
    IReadOnlyList<Addressing.IpPrefix> Destinations,
    PortSet? Protocols,
    PortSet SourcePorts,
    PortSet DestinationPorts,
    bool TcpFlags,
    string Action)
{
    public override string ToString() =>
        $"priority {Priority} {Action}{(Protocols is null ? "" : $" protocols {Protocols}")}"
        + $"{(Sources.Count == 0 ? "" : $" from {string.Join(",", Sources)}")}{(Destinations.Count == 0 ? "" : $" to {string.Join(",", Destinations)}")}"
        + $"{(DestinationPorts.Equals(PortSet.AllPorts) ? "" : $" port {DestinationPorts}")}{(SourcePorts.Equals(PortSet.AllPorts) ? "" : $" source port {SourcePorts}")}"
        + $"{(TcpFlags ? " (TCP flags)" : "")}";
}
