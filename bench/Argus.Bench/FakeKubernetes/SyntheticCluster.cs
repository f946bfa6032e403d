using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;

namespace Argus.Bench.FakeKubernetes;

/// <summary>
/// A deterministic cluster of a given pod count, in the API's own object shapes: namespaces (half with Pod
/// Security labels), Deployments with their ReplicaSets and pods (owner references as the controllers set
/// them), stand-alone pods, services, network policies and RBAC, with a share of each misconfigured.
/// </summary>
internal static class SyntheticCluster
{
    public static List<KubeObject> Generate(int pods, int seed)
    {
        var random = new Random(seed);
        var objects = new List<KubeObject>();
        var namespaces = Math.Max(1, pods / 100);
        var standalone = pods / 5;
        var replicas = 4;
        var deployments = (pods - standalone) / replicas;
        for (var n = 0; n < namespaces; n++)
        {
            var ns = $"team-{n:D4}";
            objects.Add(Make("Namespace", "v1", Regions.Global, ns, new JsonObject(), n % 2 == 0 ? new JsonObject { ["pod-security.kubernetes.io/enforce"] = "baseline" } : null));
            if (n % 3 != 0)
            {
                objects.Add(Make("NetworkPolicy", "networking.k8s.io/v1", ns, "default-deny", new JsonObject
                {
                    ["spec"] = new JsonObject { ["podSelector"] = new JsonObject(), ["policyTypes"] = new JsonArray("Ingress", "Egress") },
                }));
            }

            objects.Add(Make("Role", "rbac.authorization.k8s.io/v1", ns, "deployer", new JsonObject
            {
                ["rules"] = new JsonArray(Rule("apps", "deployments", "create", "update"), Rule("", n % 7 == 0 ? "secrets" : "services", "get", "list")),
            }));
            objects.Add(Make("RoleBinding", "rbac.authorization.k8s.io/v1", ns, "deployer", new JsonObject
            {
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = "deployer" },
                ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = n % 11 == 0 ? "default" : "ci", ["namespace"] = ns }),
            }));
        }

        for (var d = 0; d < deployments; d++)
        {
            var ns = $"team-{d % namespaces:D4}";
            var name = $"app-{d:D5}";
            var spec = PodSpec(random, name);
            var labels = new JsonObject { ["app"] = name };
            objects.Add(Make("Deployment", "apps/v1", ns, name, new JsonObject
            {
                ["spec"] = new JsonObject { ["replicas"] = replicas, ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() }, ["spec"] = spec.DeepClone() } },
            }));
            var rs = $"{name}-7d9f{d % 10}";
            objects.Add(Make("ReplicaSet", "apps/v1", ns, rs, new JsonObject
            {
                ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() }, ["spec"] = spec.DeepClone() } },
            }, owner: ("Deployment", name)));
            for (var r = 0; r < replicas; r++)
            {
                objects.Add(Make("Pod", "v1", ns, $"{rs}-{r:D2}x", new JsonObject { ["spec"] = spec.DeepClone() }, labels.DeepClone().AsObject(), owner: ("ReplicaSet", rs)));
            }

            if (d % 10 == 0)
            {
                objects.Add(Make("Service", "v1", ns, name, new JsonObject
                {
                    ["spec"] = new JsonObject { ["type"] = d % 20 == 0 ? "LoadBalancer" : "NodePort", ["ports"] = new JsonArray(new JsonObject { ["port"] = 443, ["nodePort"] = 30000 + (d % 2000) }) },
                }));
            }
        }

        for (var p = 0; p < standalone; p++)
        {
            var ns = $"team-{p % namespaces:D4}";
            objects.Add(Make("Pod", "v1", ns, $"job-{p:D6}", new JsonObject { ["spec"] = PodSpec(random, $"job-{p}") }, new JsonObject { ["run"] = $"job-{p}" }));
        }

        objects.Add(Make("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", Regions.Global, "ops-admins", new JsonObject
        {
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = "cluster-admin" },
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "Group", ["name"] = "ops" }),
        }));
        return objects;
    }

    private static JsonObject PodSpec(Random random, string name)
    {
        var hardened = random.NextDouble() < 0.6;
        var container = new JsonObject
        {
            ["name"] = "app",
            ["image"] = random.NextDouble() < 0.1 ? $"registry.example.com/{name}:latest" : $"registry.example.com/{name}:1.{random.Next(20)}.{random.Next(9)}",
            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080 }),
            ["resources"] = hardened ? new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" }, ["limits"] = new JsonObject { ["cpu"] = "1", ["memory"] = "256Mi" } } : new JsonObject(),
            ["securityContext"] = hardened
                ? new JsonObject { ["allowPrivilegeEscalation"] = false, ["readOnlyRootFilesystem"] = true, ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") } }
                : new JsonObject { ["privileged"] = random.NextDouble() < 0.05 },
            ["livenessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = 8080 } },
        };
        return new JsonObject
        {
            ["serviceAccountName"] = "app",
            ["automountServiceAccountToken"] = hardened ? false : null,
            ["hostNetwork"] = random.NextDouble() < 0.02,
            ["securityContext"] = hardened ? new JsonObject { ["runAsNonRoot"] = true, ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" } } : new JsonObject(),
            ["containers"] = new JsonArray(container),
        };
    }

    private static JsonObject Rule(string group, string resource, params string[] verbs) => new()
    {
        ["apiGroups"] = new JsonArray(group),
        ["resources"] = new JsonArray(resource),
        ["verbs"] = new JsonArray(verbs.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
    };

    private static KubeObject Make(string kind, string apiVersion, string ns, string name, JsonObject body, JsonObject? labels = null, (string Kind, string Name)? owner = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["uid"] = $"{kind}-{ns}-{name}", ["resourceVersion"] = "1" };
        if (ns != Regions.Global)
        {
            metadata["namespace"] = ns;
        }

        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        if (owner is { } o)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = o.Kind, ["name"] = o.Name, ["uid"] = $"{o.Kind}-{ns}-{o.Name}", ["controller"] = true });
        }

        var json = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            json[key] = value;
        }

        using var document = JsonDocument.Parse(json.ToJsonString());
        return new KubeObject("bench", kind, apiVersion, ns, name, document.RootElement.Clone(), "synthetic");
    }
}
