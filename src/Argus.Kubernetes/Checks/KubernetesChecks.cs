using Argus.Kubernetes.Checks.Network;
using Argus.Kubernetes.Checks.Rbac;
using Argus.Kubernetes.Checks.Workloads;

namespace Argus.Kubernetes.Checks;

/// <summary>Every Kubernetes check Argus ships.</summary>
public static class KubernetesChecks
{
    public static IReadOnlyList<KubernetesCheck> All { get; } = [.. WorkloadChecks.All, .. RbacChecks.All, .. NetworkChecks.All];

    public static KubernetesCheck? Find(string id) => All.FirstOrDefault(c => c.Metadata.Id == id);
}
