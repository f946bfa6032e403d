namespace Argus.VmScan.Workflow;

/// <summary>One leftover a cleanup found.</summary>
/// <param name="Kind">volume, snapshot, grant.</param>
/// <param name="Outcome">removed, would remove (dry run), refused (not both Argus tags), kept (younger than --older-than), failed: reason.</param>
public sealed record CleanupItem(string Kind, string Id, string Region, string? ScanId, string Outcome);
