using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// Remembers which side opened a connection, for records whose TCP flags and ports cannot tell (ICMP, flags 0 on
/// ephemeral ports). Bounded: when full it forgets everything and starts again, which only costs precision.
/// </summary>
internal sealed class ConnectionTracker(int capacity)
{
    private readonly Dictionary<Key, bool> localInitiated = [];

    public bool TryGet(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort, out bool initiatedLocally) =>
        localInitiated.TryGetValue(new Key(interfaceIndex, protocol, local, localPort, remote, remotePort), out initiatedLocally);

    public void Remember(int interfaceIndex, int protocol, IpAddress128 local, int localPort, IpAddress128 remote, int remotePort, bool initiatedLocally)
    {
        if (localInitiated.Count >= capacity)
        {
            localInitiated.Clear();
        }

        localInitiated[new Key(interfaceIndex, protocol, local, localPort, remote, remotePort)] = initiatedLocally;
    }

    private readonly record struct Key(int Interface, int Protocol, IpAddress128 Local, int LocalPort, IpAddress128 Remote, int RemotePort);
}
