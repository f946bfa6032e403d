using System.Text.Json;
using Argus.Core.Json;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks.Workloads;

/// <summary>Reads security settings the way the kubelet applies them: a container's value overrides the pod's.</summary>
public static class SecurityContexts
{
    /// <summary>Linux capabilities a container runtime grants by default (containerd and CRI-O), which Pod Security baseline lets a container add back.</summary>
    public static readonly IReadOnlySet<string> BaselineCapabilities = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public static bool? Bool(Workload w, Container c, string property) =>
        c.SecurityContext.GetBool(property) ?? w.PodSecurityContext.GetBool(property);

    public static long? Long(Workload w, Container c, string property) =>
        Number(c.SecurityContext, property) ?? Number(w.PodSecurityContext, property);

    /// <summary>The effective seccomp profile type, including the legacy annotations; null when none is set.</summary>
    public static string? SeccompType(Workload w, Container c) =>
        c.SecurityContext.GetObject("seccompProfile")?.GetString("type")
        ?? Legacy(w.Annotation($"container.seccomp.security.alpha.kubernetes.io/{c.Name}"))
        ?? w.PodSecurityContext.GetObject("seccompProfile")?.GetString("type")
        ?? Legacy(w.Annotation("seccomp.security.alpha.kubernetes.io/pod"));

    /// <summary>The effective AppArmor profile type (field or beta annotation); null when none is set.</summary>
    public static string? AppArmorType(Workload w, Container c)
    {
        if (c.SecurityContext.GetObject("appArmorProfile")?.GetString("type") is { } own)
        {
            return own;
        }

        return w.Annotation($"container.apparmor.security.beta.kubernetes.io/{c.Name}") switch
        {
            "unconfined" => "Unconfined",
            "runtime/default" => "RuntimeDefault",
            { } other when other.StartsWith("localhost/", StringComparison.Ordinal) => "Localhost",
            _ => w.PodSecurityContext.GetObject("appArmorProfile")?.GetString("type"),
        };
    }

    public static IEnumerable<string> Capabilities(Container c, string list) =>
        (c.SecurityContext.GetObject("capabilities") ?? default).GetArray(list)
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!);

    private static string? Legacy(string? annotation) => annotation switch
    {
        null => null,
        "unconfined" => "Unconfined",
        "runtime/default" or "docker/default" => "RuntimeDefault",
        _ when annotation.StartsWith("localhost/", StringComparison.Ordinal) => "Localhost",
        _ => annotation,
    };

    private static long? Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)
            ? n
            : null;
}
