namespace Argus.Network.FlowLogs.Parsing;

/// <summary>Receives each valid record as it is read; the record's text slices are valid only during the call.</summary>
public interface IFlowRecordSink
{
    void OnRecord(ref FlowRecord record);
}
