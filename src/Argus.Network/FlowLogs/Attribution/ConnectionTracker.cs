using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// Remembers which side opened a connection, for records whose TCP flags and ports cannot tell (ICMP, flags 0 on
/// ephemeral ports). Bounded: when full it forgets everything and starts again, which only costs precision.
/// </summary>
internal sealed class ConnectionTracker(int capacity)
{
    private readonly Dictionary<Key, bool> localInitiated = [];

    public bool TryGet(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort, out bool initiatedLocally)
    {
        if (localInitiated.Count == 0)
        {
            initiatedLocally = false;
            return false;
        }

        return localInitiated.TryGetValue(Key.Of(interfaceIndex, protocol, local, localPort, remote, remotePort), out initiatedLocally);
    }

    public void Remember(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort, bool initiatedLocally)
    {
        if (localInitiated.Count >= capacity)
        {
            localInitiated.Clear();
        }

        localInitiated[Key.Of(interfaceIndex, protocol, local, localPort, remote, remotePort)] = initiatedLocally;
    }

    /// <summary>
    /// The connection packed into 8-byte words: half the size of the address structs it stands for (which are
    /// 16-byte aligned), so a full table of a quarter million connections stays small and cheap to hash.
    /// </summary>
    private readonly record struct Key(ulong LocalHigh, ulong LocalLow, ulong RemoteHigh, ulong RemoteLow, ulong Ports, int Interface, int ProtocolAndFamilies)
    {
        public static Key Of(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort) => new(
            (ulong)(local.Value >> 64), (ulong)local.Value, (ulong)(remote.Value >> 64), (ulong)remote.Value,
            ((ulong)(uint)localPort << 32) | (uint)remotePort,
            interfaceIndex,
            (protocol << 2) | (local.IsV6 ? 2 : 0) | (remote.IsV6 ? 1 : 0));
    }
}
