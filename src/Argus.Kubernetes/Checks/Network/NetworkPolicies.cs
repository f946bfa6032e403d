using System.Text.Json;
using Argus.Core.Json;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks.Network;

/// <summary>Which directions a NetworkPolicy isolates: policyTypes when given, else Ingress, plus Egress when it has egress rules.</summary>
public static class NetworkPolicies
{
    public static bool IsolatesIngress(KubeObject policy) => Types(policy).Contains("Ingress");

    public static bool IsolatesEgress(KubeObject policy) => Types(policy).Contains("Egress");

    public static JsonElement PodSelector(KubeObject policy) => policy.Spec.GetObject("podSelector") ?? default;

    private static HashSet<string> Types(KubeObject policy)
    {
        var declared = policy.Spec.GetArray("policyTypes").Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (declared.Count > 0)
        {
            return declared;
        }

        var implied = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Ingress" };
        if (policy.Spec.TryGetProperty("egress", out _))
        {
            implied.Add("Egress");
        }

        return implied;
    }
}
