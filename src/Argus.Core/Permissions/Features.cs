namespace Argus.Core.Permissions;

/// <summary>The features permissions are granted for. Users pick features; Argus derives the permissions.</summary>
public static class Features
{
    public const string Inventory = "inventory";
    public const string NetworkTopology = "network.topology";
    public const string NetworkPolicy = "network.policy";
    public const string NetworkFlowLogs = "network.flow-logs";
    public const string Posture = "posture";
    public const string VmScan = "vuln.vm-scan";
    public const string Images = "vuln.images";
    public const string Eks = "k8s.eks";
    public const string RemediationSecurityGroups = "remediation.security-groups";
    public const string RemediationImageBlocking = "remediation.image-blocking";

    /// <summary>Every feature, read-only ones first; the default selection is <see cref="ReadOnlyDefault"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Inventory, NetworkTopology, NetworkPolicy, NetworkFlowLogs, Posture, VmScan, Images, Eks, RemediationSecurityGroups, RemediationImageBlocking];

    /// <summary>What Argus asks for when the user names no feature: every read-only analysis, no writes.</summary>
    public static IReadOnlyList<string> ReadOnlyDefault { get; } =
        [Inventory, NetworkTopology, NetworkPolicy, NetworkFlowLogs, Posture, Images, Eks];
}
