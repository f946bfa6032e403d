namespace Argus.Network.FlowLogs.Rules;

/// <summary>A network ACL and the subnets it guards.</summary>
public sealed record NetworkAclFacts(string Id, string Account, string Region, string? VpcId, bool IsDefault, IReadOnlyList<string> SubnetIds);
