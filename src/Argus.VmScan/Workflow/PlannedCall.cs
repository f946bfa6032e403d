namespace Argus.VmScan.Workflow;

/// <summary>One write a scan would make, for the dry run: the IAM action, on what, in which account and region, and why.</summary>
public sealed record PlannedCall(string Action, string Resource, string Account, string Region, string Why);
