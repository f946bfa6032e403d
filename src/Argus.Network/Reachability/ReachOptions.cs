using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>
/// Assumptions a query makes about clients. Replies go back to the client's ephemeral port, which network ACLs
/// must admit. <see cref="EphemeralPorts"/> is what a reply may use (AWS's guidance, 1024-65535, covers every
/// client, NAT gateways and load balancers); a connection counts as answered when every port of at least one of
/// <see cref="ClientEphemeralRanges"/> is admitted (Linux 32768-60999, Windows 49152-65535); ports outside are
/// reported in the answer's notes.
/// </summary>
public sealed record ReachOptions(PortSet EphemeralPorts, IReadOnlyList<PortSet> ClientEphemeralRanges)
{
    public static readonly ReachOptions Default = new(
        PortSet.Range(1024, PortSet.MaxPort),
        [PortSet.Range(32768, 60999), PortSet.Range(49152, PortSet.MaxPort)]);
}
