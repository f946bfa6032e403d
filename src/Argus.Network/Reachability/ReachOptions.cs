using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>
/// Assumptions a query makes. <see cref="EphemeralPorts"/>: the client ports replies go back to, which network
/// ACLs must admit; AWS's guidance is 1024-65535 to cover every client (Linux uses 32768-60999, Windows 49152-65535).
/// </summary>
public sealed record ReachOptions(PortSet EphemeralPorts)
{
    public static readonly ReachOptions Default = new(PortSet.Range(1024, PortSet.MaxPort));
}
