namespace Argus.Network.Model;

/// <summary>A target group and its registered targets (instance ids or addresses), with the port each receives on.</summary>
public sealed record TargetGroup(string Arn, string Name, string? Protocol, int? Port, string TargetType, string? VpcId, IReadOnlyList<Target> Targets, bool TargetsCollected);
