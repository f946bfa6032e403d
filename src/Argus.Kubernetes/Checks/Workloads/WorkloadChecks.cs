using System.Text.Json;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using static Argus.Kubernetes.Checks.Frameworks;
using static Argus.Kubernetes.Checks.Workloads.SecurityContexts;

namespace Argus.Kubernetes.Checks.Workloads;

/// <summary>
/// Workload hardening checks, each metadata and rule together. They read pod specs wherever a kind keeps them
/// (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob).
/// </summary>
public static class WorkloadChecks
{
    private const string Pss = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";
    private const string SecurityContextDoc = "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/";

    public static IReadOnlyList<KubernetesCheck> All { get; } =
    [
        WorkloadRule.PerContainer(
            Meta("k8s.workload.privileged", "Privileged containers", Severity.Critical,
                "A privileged container has every capability and the host's devices: it is root on the node.",
                "Remove securityContext.privileged: true; grant the single capability the program needs instead.",
                [Baseline("Privileged Containers"), CisItem("5.2.2"), Nsa("Non-root containers and rootless container engines")]),
            (_, c) => c.SecurityContext.GetBool("privileged") == true ? "runs privileged" : null),
        new WorkloadRule(
            Meta("k8s.workload.host-pid", "Host PID namespace", Severity.High,
                "hostPID lets the pod see and signal every process on the node, and read their environment.",
                "Remove spec.hostPID: true.",
                [Baseline("Host Namespaces"), CisItem("5.2.3"), Nsa("Pod security enforcement")]),
            w => w.PodSpec.GetBool("hostPID") == true ? ["shares the host PID namespace (hostPID: true)"] : []),
        new WorkloadRule(
            Meta("k8s.workload.host-ipc", "Host IPC namespace", Severity.High,
                "hostIPC lets the pod read and write the shared memory of every process on the node.",
                "Remove spec.hostIPC: true.",
                [Baseline("Host Namespaces"), CisItem("5.2.4"), Nsa("Pod security enforcement")]),
            w => w.PodSpec.GetBool("hostIPC") == true ? ["shares the host IPC namespace (hostIPC: true)"] : []),
        new WorkloadRule(
            Meta("k8s.workload.host-network", "Host network namespace", Severity.High,
                "hostNetwork puts the pod on the node's network: it reaches localhost-only services and bypasses NetworkPolicies.",
                "Remove spec.hostNetwork: true; expose the pod through a Service.",
                [Baseline("Host Namespaces"), CisItem("5.2.5"), Nsa("Pod security enforcement")]),
            w => w.PodSpec.GetBool("hostNetwork") == true ? ["uses the host network (hostNetwork: true)"] : []),
        new WorkloadRule(
            Meta("k8s.workload.host-path", "HostPath volumes", Severity.High,
                "A hostPath volume mounts a node directory into the pod; /, /var/run/docker.sock or /etc give control of the node.",
                "Use persistent volumes, configMaps or emptyDir instead of hostPath.",
                [Baseline("HostPath Volumes"), Restricted("Volume Types"), CisItem("5.2.12"), Nsa("Pod security enforcement")]),
            w => w.PodSpec.GetArray("volumes")
                .Where(v => v.GetObject("hostPath") is not null)
                .Select(v => $"mounts host path {v.GetObject("hostPath")?.GetString("path")} (volume {v.GetString("name")})")),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.host-port", "Host ports", Severity.Medium,
                "A hostPort opens a port on the node's own address, outside Services and often outside NetworkPolicies.",
                "Remove ports[].hostPort; expose the container through a Service.",
                [Baseline("Host Ports"), CisItem("5.2.13"), Nsa("Network separation and hardening")]),
            (_, c) => c.Json.GetArray("ports").Where(p => p.TryGetProperty("hostPort", out var h) && h.ValueKind == JsonValueKind.Number && h.GetInt32() != 0)
                .Select(p => p.GetProperty("hostPort").GetInt32()).ToList() is { Count: > 0 } ports ? $"binds host port {string.Join(", ", ports)}" : null),
        new WorkloadRule(
            Meta("k8s.workload.host-process", "Windows HostProcess containers", Severity.High,
                "A Windows HostProcess container runs directly on the node with the node's privileges.",
                "Remove windowsOptions.hostProcess: true from the pod and its containers.",
                [Baseline("HostProcess"), CisItem("5.2.11")]),
            w => (w.PodSecurityContext.GetObject("windowsOptions")?.GetBool("hostProcess") == true ? ["the pod is a HostProcess pod"] : Array.Empty<string>())
                .Concat(w.Containers.Where(c => c.SecurityContext.GetObject("windowsOptions")?.GetBool("hostProcess") == true).Select(c => $"{c.Display} is a HostProcess container"))),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.proc-mount", "Unmasked /proc", Severity.High,
                "procMount: Unmasked exposes the host's /proc paths the runtime normally hides.",
                "Remove securityContext.procMount or set it to Default.",
                [Baseline("/proc Mount Type")]),
            (_, c) => c.SecurityContext.GetString("procMount") is { } mount && mount != "Default" ? $"uses procMount {mount}" : null),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.added-capabilities", "Dangerous added capabilities", Severity.High,
                "Capabilities beyond the runtime's default set (SYS_ADMIN, NET_ADMIN, ALL, ...) give a container kernel powers that lead to the node.",
                "Remove the capability from securityContext.capabilities.add; only NET_BIND_SERVICE belongs there.",
                [Baseline("Capabilities"), CisItem("5.2.9"), Nsa("Pod security enforcement")]),
            (_, c) => Capabilities(c, "add").Where(cap => !BaselineCapabilities.Contains(StripPrefix(cap))).ToList() is { Count: > 0 } added
                ? $"adds {string.Join(", ", added)}"
                : null),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.capabilities-not-dropped", "Capabilities not dropped", Severity.Medium,
                "A container keeps the runtime's default capabilities (NET_RAW, SETUID, ...) unless it drops them; restricted pods drop ALL.",
                "Set securityContext.capabilities.drop: [\"ALL\"] and add back only NET_BIND_SERVICE if needed.",
                [Restricted("Capabilities"), CisItem("5.2.8"), CisItem("5.2.10"), Nsa("Pod security enforcement")]),
            (_, c) =>
            {
                var dropped = Capabilities(c, "drop").Select(StripPrefix).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return dropped.Contains("ALL") || BaselineCapabilities.All(dropped.Contains)
                    ? null
                    : "does not drop ALL capabilities";
            }),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.run-as-root", "Containers may run as root", Severity.Medium,
                "Without runAsNonRoot: true or a non-zero runAsUser, the image decides, and most images run as root.",
                "Set securityContext.runAsNonRoot: true (pod or container) and a non-zero runAsUser.",
                [Restricted("Running as Non-root"), Restricted("Running as Non-root user"), CisItem("5.2.7"), Nsa("Non-root containers and rootless container engines")]),
            (w, c) =>
            {
                var user = Long(w, c, "runAsUser");
                if (user == 0)
                {
                    return "runs as user 0 (runAsUser: 0)";
                }

                return Bool(w, c, "runAsNonRoot") == true || user > 0 ? null : "may run as root (no runAsNonRoot: true or runAsUser > 0)";
            }),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.privilege-escalation", "Privilege escalation allowed", Severity.Medium,
                "Unless allowPrivilegeEscalation is false, setuid binaries and file capabilities can raise a process's privileges.",
                "Set securityContext.allowPrivilegeEscalation: false on every container.",
                [Restricted("Privilege Escalation"), CisItem("5.2.6"), Nsa("Pod security enforcement")]),
            (_, c) => c.SecurityContext.GetBool("allowPrivilegeEscalation") == false ? null : "allows privilege escalation (allowPrivilegeEscalation is not false)"),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.writable-root-filesystem", "Writable root filesystem", Severity.Low,
                "A writable root filesystem lets an intruder change binaries and drop tools inside the container.",
                "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the program writes.",
                [Nsa("Immutable container file systems"), CisItem("5.7.3")]),
            (_, c) => c.SecurityContext.GetBool("readOnlyRootFilesystem") == true ? null : "has a writable root filesystem"),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.seccomp", "Seccomp profile", Severity.Medium,
                "Without a seccomp profile (or with Unconfined) a container can call every system call, the kernel attack surface escapes rely on.",
                "Set securityContext.seccompProfile.type: RuntimeDefault on the pod.",
                [Baseline("Seccomp"), Restricted("Seccomp"), CisItem("5.7.2"), Nsa("Hardening container environments")]),
            (w, c) => SeccompType(w, c) switch
            {
                null => "has no seccomp profile",
                "Unconfined" => "runs with seccomp Unconfined",
                _ => null,
            }),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.apparmor", "AppArmor disabled", Severity.Medium,
                "An Unconfined AppArmor profile removes the runtime's default mandatory access control.",
                "Remove the unconfined AppArmor annotation or appArmorProfile; use RuntimeDefault or a Localhost profile.",
                [Baseline("AppArmor"), Nsa("Hardening container environments")]),
            (w, c) => AppArmorType(w, c) == "Unconfined" ? "runs with AppArmor unconfined" : null),
        Resource("cpu", "requests"),
        Resource("cpu", "limits"),
        Resource("memory", "requests"),
        Resource("memory", "limits"),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.image-tag", "Latest or untagged images", Severity.Medium,
                "An image without a tag, or tagged latest, changes under the workload: what runs is not what was reviewed or scanned.",
                "Pin images by version tag, or better by digest (image@sha256:...).",
                [Nsa("Building secure container images")]),
            (_, c) => ImageProblem(c.Image)),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.liveness-probe", "Liveness probe missing", Severity.Low,
                "Without a liveness probe a hung container keeps running and serving errors (a reliability check; no security framework names it).",
                "Add livenessProbe to each long-running container.",
                []),
            (_, c) => c.Json.GetObject("livenessProbe") is null ? "has no liveness probe" : null,
            regularOnly: true),
        WorkloadRule.PerContainer(
            Meta("k8s.workload.readiness-probe", "Readiness probe missing", Severity.Low,
                "Without a readiness probe traffic reaches a container before it can serve (a reliability check; no security framework names it).",
                "Add readinessProbe to each serving container.",
                []),
            (_, c) => c.Json.GetObject("readinessProbe") is null ? "has no readiness probe" : null,
            regularOnly: true),
        ServiceAccountTokenCheck.Instance,
        new WorkloadRule(
            Meta("k8s.workload.default-namespace", "Workloads in the default namespace", Severity.Low,
                "The default namespace is where everything lands by accident; policies and RBAC are seldom scoped to it.",
                "Create a namespace per application and move the workload there.",
                [CisItem("5.7.4"), Nsa("Namespaces")]),
            w => w.Object.Namespace == "default" ? ["runs in the default namespace"] : []),
    ];

    internal static CheckMetadata Meta(string id, string title, Severity severity, string description, string remediation, FrameworkReference[] frameworks, string category = "workload") =>
        new(id, title, severity, category, description, remediation, [Pss, SecurityContextDoc], frameworks, Workload.Kinds);

    private static KubernetesCheck Resource(string resource, string kind) => WorkloadRule.PerContainer(
        Meta($"k8s.workload.{resource}-{kind}", $"{Title(resource)} {kind} missing", Severity.Low,
            kind == "limits"
                ? $"Without a {resource} limit one container can starve its neighbours on the node, or be used to exhaust it."
                : $"Without a {resource} request the scheduler cannot place the pod safely and it is evicted first.",
            $"Set resources.{kind}.{resource} on every container, or a LimitRange default in the namespace.",
            [Nsa("Resource policies")]),
        (_, c) => c.Json.GetObject("resources")?.GetObject(kind)?.TryGetProperty(resource, out JsonElement _) == true ? null : $"has no {resource} {kind[..^1]}",
        regularOnly: true);

    private static string Title(string resource) => resource == "cpu" ? "CPU" : char.ToUpperInvariant(resource[0]) + resource[1..];

    private static string StripPrefix(string capability) =>
        capability.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? capability[4..] : capability;

    internal static string? ImageProblem(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return "has no image";
        }

        if (image.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        // A colon after the last slash is a tag; one before it is a registry port.
        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        if (colon < 0)
        {
            return $"uses untagged image {image} (means latest)";
        }

        return name[(colon + 1)..] == "latest" ? $"uses image {image}, tagged latest" : null;
    }
}
