using System.Text.Json;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using static Argus.Kubernetes.Checks.Frameworks;

namespace Argus.Kubernetes.Checks.Network;

/// <summary>Network checks: isolation by NetworkPolicy, services and ingresses reachable from outside, and namespaces' Pod Security admission level.</summary>
public static class NetworkChecks
{
    private const string NetworkPolicyDoc = "https://kubernetes.io/docs/concepts/services-networking/network-policies/";

    /// <summary>Namespaces Kubernetes runs its own components in, which need host access by design.</summary>
    public static readonly IReadOnlySet<string> SystemNamespaces = new HashSet<string>(StringComparer.Ordinal) { "kube-system", "kube-public", "kube-node-lease" };

    /// <summary>Annotations cloud controllers read to make a load balancer internal (reachable from the VPC/VNet only).</summary>
    private static readonly (string Key, string Value)[] InternalLoadBalancer =
    [
        ("service.beta.kubernetes.io/aws-load-balancer-internal", "true"),
        ("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"),
        ("service.beta.kubernetes.io/azure-load-balancer-internal", "true"),
        ("networking.gke.io/load-balancer-type", "Internal"),
        ("cloud.google.com/load-balancer-type", "Internal"),
    ];

    public static IReadOnlyList<KubernetesCheck> All { get; } =
    [
        new Rule(
            new CheckMetadata("k8s.network.namespace-without-policy", "Namespace without NetworkPolicy", Severity.Medium, "network",
                "Without a NetworkPolicy every pod in the namespace accepts traffic from every pod in the cluster and can reach anything.",
                "Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) and allow the flows the applications need.",
                [NetworkPolicyDoc], [CisItem("5.3.2"), Nsa("Network policies")], ["Namespace", "NetworkPolicy"]),
            set => set.OfKind("Namespace").Where(n => !SystemNamespaces.Contains(n.Name)).Select(n =>
            {
                var policies = set.OfKind("NetworkPolicy").Where(p => p.Namespace == n.Name).Select(p => p.Name).ToList();
                return policies.Count == 0
                    ? new Verdict(n, FindingStatus.Fail, $"{n.Display}: no NetworkPolicy, every pod in it is open to the whole cluster", new { policies })
                    : new Verdict(n, FindingStatus.Pass, $"{n.Display}: {policies.Count} NetworkPolicies", new { policies });
            })),
        new Rule(
            new CheckMetadata("k8s.network.workload-not-isolated", "Pods not isolated by NetworkPolicy", Severity.Medium, "network",
                "A pod that no NetworkPolicy selects for ingress accepts connections from any pod; one none selects for egress can reach anything, the internet and the cloud metadata service included.",
                "Select the pods with NetworkPolicies for both Ingress and Egress (a namespace default-deny plus allow rules).",
                [NetworkPolicyDoc], [Nsa("Network policies")], [.. Workload.Kinds, "NetworkPolicy"]),
            set => Workload.TopLevel(set).Where(w => !SystemNamespaces.Contains(w.Object.Namespace)).Select(w => Isolation(set, w))),
        new Rule(
            new CheckMetadata("k8s.network.load-balancer-service", "LoadBalancer service", Severity.Medium, "network",
                "A LoadBalancer service asks the cloud for an address reachable from outside the cluster, usually the internet.",
                "Use a ClusterIP service behind an ingress with TLS, an internal load balancer annotation, or loadBalancerSourceRanges.",
                ["https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer"], [Nsa("Network separation and hardening")], ["Service"]),
            set => set.OfKind("Service").Select(LoadBalancer)),
        new Rule(
            new CheckMetadata("k8s.network.node-port-service", "NodePort service", Severity.Low, "network",
                "A NodePort service opens its port on every node's address, bypassing the ingress and often the cloud firewall's intent.",
                "Use a ClusterIP service behind an ingress, or restrict the node ports with firewall rules.",
                ["https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport"], [Nsa("Network separation and hardening")], ["Service"]),
            set => set.OfKind("Service").Select(s => s.Spec.GetString("type") == "NodePort"
                ? new Verdict(s, FindingStatus.Fail, $"{s.Display}: NodePort service, ports {string.Join(", ", NodePorts(s))} open on every node", new { type = "NodePort", nodePorts = NodePorts(s) })
                : new Verdict(s, FindingStatus.Pass, $"{s.Display}: type {s.Spec.GetString("type") ?? "ClusterIP"}", new { type = s.Spec.GetString("type") ?? "ClusterIP", nodePorts = NodePorts(s) }))),
        new Rule(
            new CheckMetadata("k8s.network.ingress-without-tls", "Ingress without TLS", Severity.Medium, "network",
                "An ingress without TLS serves its hosts over plain HTTP: credentials and session cookies cross the network readable.",
                "Add spec.tls with a certificate Secret for every host (cert-manager can issue them).",
                ["https://kubernetes.io/docs/concepts/services-networking/ingress/#tls"], [Nsa("Encryption")], ["Ingress"]),
            set => set.OfKind("Ingress").Select(IngressTls)),
        new Rule(
            new CheckMetadata("k8s.namespace.pod-security-admission", "Namespace without Pod Security admission", Severity.Medium, "workload",
                "Without a pod-security.kubernetes.io/enforce label of baseline or restricted, the namespace admits privileged pods.",
                "Label the namespace pod-security.kubernetes.io/enforce=restricted (or baseline), after checking with the warn label.",
                ["https://kubernetes.io/docs/concepts/security/pod-security-admission/"], [CisItem("5.2.1"), Nsa("Pod security enforcement")], ["Namespace"]),
            set => set.OfKind("Namespace").Where(n => !SystemNamespaces.Contains(n.Name)).Select(n => n.Label("pod-security.kubernetes.io/enforce") switch
            {
                { } level when level is "baseline" or "restricted" => new Verdict(n, FindingStatus.Pass, $"{n.Display}: Pod Security admission enforces {level}", new { enforce = level }),
                "privileged" => new Verdict(n, FindingStatus.Fail, $"{n.Display}: Pod Security admission enforces privileged (allows everything)", new { enforce = "privileged" }),
                var level => new Verdict(n, FindingStatus.Fail, $"{n.Display}: no pod-security.kubernetes.io/enforce label, privileged pods are admitted", new { enforce = level }),
            })),
    ];

    private static Verdict Isolation(ObjectSet set, Workload w)
    {
        var labels = w.Labels;
        var selecting = set.OfKind("NetworkPolicy").Where(p => p.Namespace == w.Object.Namespace && LabelSelector.Matches(NetworkPolicies.PodSelector(p), labels)).ToList();
        var ingress = selecting.Where(NetworkPolicies.IsolatesIngress).Select(p => p.Name).ToList();
        var egress = selecting.Where(NetworkPolicies.IsolatesEgress).Select(p => p.Name).ToList();
        var evidence = new { ingressPolicies = ingress, egressPolicies = egress };
        var missing = new[] { ingress.Count == 0 ? "ingress" : null, egress.Count == 0 ? "egress" : null }.OfType<string>().ToList();
        return missing.Count == 0
            ? new Verdict(w.Object, FindingStatus.Pass, $"{w.Object.Display}: isolated by {string.Join(", ", ingress.Union(egress))}", evidence)
            : new Verdict(w.Object, FindingStatus.Fail, $"{w.Object.Display}: no NetworkPolicy selects its pods for {string.Join(" or ", missing)}", evidence);
    }

    private static Verdict LoadBalancer(KubeObject s)
    {
        var type = s.Spec.GetString("type") ?? "ClusterIP";
        var ranges = s.Spec.GetArray("loadBalancerSourceRanges").Select(r => r.ToString()).ToList();
        var annotations = s.Metadata.GetObject("annotations");
        var internalBy = InternalLoadBalancer.FirstOrDefault(a => string.Equals(annotations?.GetString(a.Key), a.Value, StringComparison.OrdinalIgnoreCase));
        var evidence = new { type, loadBalancerSourceRanges = ranges, internalAnnotation = internalBy.Key };
        if (type != "LoadBalancer")
        {
            return new Verdict(s, FindingStatus.Pass, $"{s.Display}: type {type}", evidence);
        }

        if (internalBy.Key is not null)
        {
            return new Verdict(s, FindingStatus.Pass, $"{s.Display}: internal load balancer ({internalBy.Key})", evidence);
        }

        return new Verdict(s, FindingStatus.Fail, ranges.Count == 0
            ? $"{s.Display}: LoadBalancer service reachable from any address"
            : $"{s.Display}: LoadBalancer service reachable from {string.Join(", ", ranges)}", evidence);
    }

    private static List<int> NodePorts(KubeObject s) =>
        s.Spec.GetArray("ports").Where(p => p.TryGetProperty("nodePort", out var n) && n.ValueKind == JsonValueKind.Number).Select(p => p.GetProperty("nodePort").GetInt32()).ToList();

    private static Verdict IngressTls(KubeObject ingress)
    {
        var hosts = ingress.Spec.GetArray("rules").Select(r => r.GetString("host") ?? "*").Distinct().ToList();
        var tlsHosts = ingress.Spec.GetArray("tls").SelectMany(t => t.GetArray("hosts")).Select(h => h.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hasTls = ingress.Spec.GetArray("tls").Any();
        var plain = hasTls ? hosts.Where(h => h != "*" && !tlsHosts.Contains(h)).ToList() : hosts;
        var evidence = new { hosts, tlsHosts = tlsHosts.ToList() };
        return !hasTls
            ? new Verdict(ingress, FindingStatus.Fail, $"{ingress.Display}: no TLS, serves {string.Join(", ", hosts)} over plain HTTP", evidence)
            : plain.Count > 0
                ? new Verdict(ingress, FindingStatus.Fail, $"{ingress.Display}: hosts without TLS: {string.Join(", ", plain)}", evidence)
                : new Verdict(ingress, FindingStatus.Pass, $"{ingress.Display}: TLS for every host", evidence);
    }

    /// <summary>A check whose rule is a function of the whole object set.</summary>
    private sealed class Rule(CheckMetadata metadata, Func<ObjectSet, IEnumerable<Verdict>> evaluate) : KubernetesCheck
    {
        public override CheckMetadata Metadata => metadata;

        public override IEnumerable<Verdict> Evaluate(ObjectSet objects) => evaluate(objects);
    }
}
