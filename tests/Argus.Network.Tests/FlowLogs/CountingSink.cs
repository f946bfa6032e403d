using System.Text;
using Argus.Network.FlowLogs.Parsing;

namespace Argus.Network.Tests.FlowLogs;

/// <summary>Totals the records a reader hands over, the way expected-summary.json counts them.</summary>
internal sealed class CountingSink : IFlowRecordSink
{
    public Dictionary<FlowLogStatus, int> ByStatus { get; } = [];

    public Dictionary<FlowAction, int> ByAction { get; } = [];

    public HashSet<string> Interfaces { get; } = [];

    public long OkPackets { get; private set; }

    public long OkBytes { get; private set; }

    public int Ipv6 { get; private set; }

    public List<int> Lines { get; } = [];

    public void OnRecord(ref FlowRecord record)
    {
        ByStatus[record.LogStatus] = ByStatus.GetValueOrDefault(record.LogStatus) + 1;
        Lines.Add(record.Line);
        Interfaces.Add(Encoding.ASCII.GetString(record.InterfaceId));
        if (record.LogStatus != FlowLogStatus.Ok)
        {
            return;
        }

        ByAction[record.Action] = ByAction.GetValueOrDefault(record.Action) + 1;
        OkPackets += record.Packets;
        OkBytes += record.Bytes;
        if (record.SrcAddr.IsV6)
        {
            Ipv6++;
        }
    }
}
