using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Checks.Network;
using Argus.Kubernetes.Objects;
using static Argus.Kubernetes.Checks.Frameworks;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>Each namespace's <c>default</c> service account should not mount its token into the pods that use it by default.</summary>
public sealed class DefaultServiceAccountTokenCheck : KubernetesCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "k8s.serviceaccount.default-automount", "Default service account mounts its token", Severity.Low, "rbac",
        "Pods that name no service account get the namespace's default account and, unless it opts out, its API token.",
        "Set automountServiceAccountToken: false on every namespace's default service account; give workloads that call the API their own account.",
        ["https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"],
        [CisItem("5.1.5"), Nsa("Protecting Pod service account tokens")],
        ["ServiceAccount"]);

    public override IEnumerable<Verdict> Evaluate(ObjectSet objects)
    {
        foreach (var account in objects.OfKind("ServiceAccount").Where(a => a.Name == "default" && !NetworkChecks.SystemNamespaces.Contains(a.Namespace)))
        {
            var automount = account.Json.GetBool("automountServiceAccountToken");
            yield return automount == false
                ? new Verdict(account, FindingStatus.Pass, $"{account.Display}: does not automount its token", new { automountServiceAccountToken = automount })
                : new Verdict(account, FindingStatus.Fail, $"{account.Display}: pods without their own service account get its token (automountServiceAccountToken is not false)", new { automountServiceAccountToken = automount });
        }
    }
}
