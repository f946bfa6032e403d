using Argus.Network.Addressing;
using Argus.Network.Model;

namespace Argus.Network.Evaluation;

/// <summary>
/// The other end of a packet as a filter sees it: an address range (every address of it must be allowed) and,
/// when the packet comes straight from an interface whose groups can be referenced, that interface.
/// </summary>
public sealed record Peer(IpPrefix Range, NetworkInterface? Interface)
{
    public override string ToString() => Interface is null ? Range.ToString() : $"{Interface.Id} ({Range})";
}
