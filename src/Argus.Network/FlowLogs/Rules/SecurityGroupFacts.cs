namespace Argus.Network.FlowLogs.Rules;

/// <summary>A security group and the interfaces it is attached to.</summary>
public sealed record SecurityGroupFacts(
    string Id,
    string Name,
    string Account,
    string Region,
    string? VpcId,
    IReadOnlyList<string> InterfaceIds)
{
    /// <summary>Every VPC has one; it cannot be deleted, so it is never reported as unused.</summary>
    public bool IsDefault => Name == "default";
}
