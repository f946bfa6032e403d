namespace Argus.VmScan.Workflow;

/// <summary>
/// The tags on everything a VM scan creates. The generated IAM policy lets Argus touch only resources carrying
/// <see cref="OwnerKey"/>; Argus itself also requires <see cref="ScanIdKey"/>, so one scan never touches another's.
/// </summary>
public static class VmScanTags
{
    public const string OwnerKey = "argus:owner";
    public const string OwnerValue = "argus";
    public const string ScanIdKey = "argus:scan-id";

    /// <summary>The customer volume (or snapshot) a resource was made from, so a resumed scan finds it again.</summary>
    public const string SourceKey = "argus:source";

    /// <summary>What the resource is for: snapshot, reencrypted, scanner-copy, volume.</summary>
    public const string PurposeKey = "argus:purpose";

    /// <summary>The name every grant of one scan carries; KMS grants have no tags.</summary>
    public static string GrantName(string scanId) => "argus-scan-" + scanId;

    /// <summary>True when both Argus tags are present, and when <paramref name="scanId"/> is given, name that scan.</summary>
    public static bool IsOwned(IReadOnlyDictionary<string, string> tags, string? scanId) =>
        tags.TryGetValue(OwnerKey, out var owner) && owner == OwnerValue
        && tags.TryGetValue(ScanIdKey, out var id) && id.Length > 0
        && (scanId is null || id == scanId);
}
