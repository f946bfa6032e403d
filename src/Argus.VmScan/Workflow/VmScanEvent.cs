namespace Argus.VmScan.Workflow;

/// <summary>What a scan reports as it goes: every write (action and resource id, never credentials), waits and steps.</summary>
/// <param name="Kind">write, step, wait, refused, warning.</param>
/// <param name="Action">The IAM action of a write, else null.</param>
public sealed record VmScanEvent(string Kind, string? Action, string ResourceId, string Message)
{
    public override string ToString() => Action is null ? $"{Kind}: {ResourceId}: {Message}" : $"{Kind}: {Action} {ResourceId}: {Message}";
}
