namespace Argus.VmScan.Scanner;

/// <summary>
/// How far the launched scanner's infrastructure got, journaled after every step so a resumed scan continues and
/// a cleanup knows what to remove. A null id means "not created yet, or not known to be" (then found by tag).
/// </summary>
public sealed record ScannerProgress
{
    public string? VpcId { get; init; }
    public string? SubnetId { get; init; }
    public string? InternetGatewayId { get; init; }
    public bool GatewayAttached { get; init; }
    public string? RouteTableId { get; init; }
    public bool DefaultRoute { get; init; }
    public string? AssociationId { get; init; }
    public string? SecurityGroupId { get; init; }
    public string? InstanceId { get; init; }

    /// <summary>The instance was running, so volumes could be attached to it.</summary>
    public bool Running { get; init; }

    /// <summary>Everything above was removed.</summary>
    public bool TornDown { get; init; }
}
