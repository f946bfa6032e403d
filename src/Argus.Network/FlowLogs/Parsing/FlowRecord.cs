using Argus.Network.FlowLogs.Addressing;

namespace Argus.Network.FlowLogs.Parsing;

/// <summary>
/// One parsed flow log record. Text fields are slices of the line being read (valid only during the callback),
/// so reading a record allocates nothing. Numbers a record does not carry, or carries as <c>-</c>, are -1;
/// addresses it does not carry have their <c>Has...</c> flag false.
/// </summary>
public ref struct FlowRecord
{
    public int Version;
    public ReadOnlySpan<byte> AccountId;
    public ReadOnlySpan<byte> InterfaceId;
    public ReadOnlySpan<byte> VpcId;
    public ReadOnlySpan<byte> SubnetId;
    public ReadOnlySpan<byte> InstanceId;
    public ReadOnlySpan<byte> PktSrcAwsService;
    public ReadOnlySpan<byte> PktDstAwsService;
    public IpAddress128 SrcAddr;
    public IpAddress128 DstAddr;
    public IpAddress128 PktSrcAddr;
    public IpAddress128 PktDstAddr;
    public bool HasSrcAddr;
    public bool HasDstAddr;
    public bool HasPktSrcAddr;
    public bool HasPktDstAddr;
    public int SrcPort;
    public int DstPort;
    public int Protocol;
    public int TcpFlags;
    public int TrafficPath;
    public long Packets;
    public long Bytes;

    /// <summary>Start of the aggregation interval, Unix seconds.</summary>
    public long Start;

    /// <summary>End of the aggregation interval, Unix seconds.</summary>
    public long End;
    public FlowAction Action;
    public FlowLogStatus LogStatus;
    public FlowDirection Direction;

    /// <summary>The file (or S3 key, or log stream) and 1-based line the record came from, for evidence.</summary>
    public int Line;

    /// <summary>Source address as the packet had it: <c>pkt-srcaddr</c> where present, else <c>srcaddr</c>.</summary>
    public readonly IpAddress128 PacketSource => HasPktSrcAddr ? PktSrcAddr : SrcAddr;

    /// <summary>Destination address as the packet had it: <c>pkt-dstaddr</c> where present, else <c>dstaddr</c>.</summary>
    public readonly IpAddress128 PacketDestination => HasPktDstAddr ? PktDstAddr : DstAddr;

    internal void Reset()
    {
        this = default;
        Version = -1;
        SrcPort = DstPort = Protocol = TcpFlags = TrafficPath = -1;
        Packets = Bytes = Start = End = -1;
    }
}
