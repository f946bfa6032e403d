namespace Argus.Kubernetes.Permissions;

/// <summary>How Argus names API groups in stored documents: the group itself, and <c>core</c> for the unnamed core group.</summary>
public static class ApiGroups
{
    public const string Core = "core";

    public static string ServiceName(string group) => group.Length == 0 ? Core : group;

    /// <summary>The group of an <c>apiVersion</c> value: <c>apps/v1</c> → <c>apps</c>, <c>v1</c> → empty (core).</summary>
    public static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
