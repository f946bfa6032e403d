namespace Argus.Network.FlowLogs.Parsing;

/// <summary>Direction of the traffic relative to the interface (<c>flow-direction</c>, or derived from its addresses).</summary>
public enum FlowDirection : byte
{
    Unknown,
    Ingress,
    Egress,
}
