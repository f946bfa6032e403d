namespace Argus.Network.FlowLogs.Parsing;

/// <summary>A record's <c>action</c>: whether security groups and network ACLs let the traffic through.</summary>
public enum FlowAction : byte
{
    None,
    Accept,
    Reject,
}
