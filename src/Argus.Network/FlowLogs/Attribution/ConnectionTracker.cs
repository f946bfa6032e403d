using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// Remembers which side opened a connection, for records whose TCP flags and ports cannot tell (ICMP, flags 0 on
/// ephemeral ports). Bounded: when full it forgets everything and starts again, which only costs precision.
/// Almost every record asks about a connection it does not hold, and the table is megabytes: a one-bit-per-slot
/// filter of 128 KiB (which stays in cache) answers most of those without touching the table.
/// </summary>
internal sealed class ConnectionTracker(int capacity)
{
    private const int FilterBits = 20;
    private readonly Dictionary<Key, bool> localInitiated = [];
    private readonly ulong[] filter = new ulong[(1 << FilterBits) / 64];

    public bool TryGet(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort, out bool initiatedLocally)
    {
        if (localInitiated.Count == 0)
        {
            initiatedLocally = false;
            return false;
        }

        var key = Key.Of(interfaceIndex, protocol, local, localPort, remote, remotePort);
        var bit = key.FilterBit();
        if ((filter[bit >> 6] & (1UL << bit)) == 0)
        {
            initiatedLocally = false;
            return false;
        }

        return localInitiated.TryGetValue(key, out initiatedLocally);
    }

    public void Remember(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort, bool initiatedLocally)
    {
        if (localInitiated.Count >= capacity)
        {
            localInitiated.Clear();
            Array.Clear(filter);
        }

        var key = Key.Of(interfaceIndex, protocol, local, localPort, remote, remotePort);
        var bit = key.FilterBit();
        filter[bit >> 6] |= 1UL << bit;
        localInitiated[key] = initiatedLocally;
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

        /// <summary>The connection's bit in the filter: its words mixed, the top bits of a Fibonacci hash.</summary>
        public int FilterBit()
        {
            var h = (LocalLow * 0x9E3779B97F4A7C15UL) ^ (RemoteLow * 0xC2B2AE3D27D4EB4FUL) ^ (Ports * 0x165667B19E3779F9UL)
                ^ LocalHigh ^ (RemoteHigh >> 1) ^ ((ulong)(uint)Interface << 32) ^ (uint)ProtocolAndFamilies;
            h ^= h >> 31;
            return (int)((h * 0x9E3779B97F4A7C15UL) >> (64 - FilterBits));
        }
    }
}
