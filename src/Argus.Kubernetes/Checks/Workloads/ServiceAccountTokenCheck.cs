using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using static Argus.Kubernetes.Checks.Frameworks;

namespace Argus.Kubernetes.Checks.Workloads;

/// <summary>
/// Service account tokens mounted into pods that do not opt out: the pod's automountServiceAccountToken wins,
/// else the service account's (when the set holds it), else Kubernetes mounts the token.
/// </summary>
public sealed class ServiceAccountTokenCheck : KubernetesCheck
{
    public static ServiceAccountTokenCheck Instance { get; } = new();

    public override CheckMetadata Metadata { get; } = WorkloadChecks.Meta(
        "k8s.workload.service-account-token", "Service account token automounted", Severity.Medium,
        "Every pod gets its service account's API token unless it opts out; an intruder in the container then acts with that account's RBAC rights.",
        "Set automountServiceAccountToken: false on the pod, or on its service account, unless the program calls the Kubernetes API.",
        [CisItem("5.1.6"), Nsa("Protecting Pod service account tokens")]);

    public override IEnumerable<Verdict> Evaluate(ObjectSet objects)
    {
        foreach (var workload in Workload.TopLevel(objects))
        {
            var account = workload.PodSpec.GetString("serviceAccountName") ?? workload.PodSpec.GetString("serviceAccount") ?? "default";
            var evidence = new { serviceAccount = account, pod = workload.PodSpec.GetBool("automountServiceAccountToken"), serviceAccountSetting = (bool?)null };
            var o = workload.Object;
            switch (workload.PodSpec.GetBool("automountServiceAccountToken"))
            {
                case false:
                    yield return new Verdict(o, FindingStatus.Pass, $"{o.Display}: the pod does not mount a service account token", evidence);
                    continue;
                case true:
                    yield return new Verdict(o, FindingStatus.Fail, $"{o.Display}: mounts the token of service account {account} (automountServiceAccountToken: true)", evidence);
                    continue;
            }

            var setting = objects.Find("ServiceAccount", o.Namespace, account)?.Json.GetBool("automountServiceAccountToken");
            evidence = evidence with { serviceAccountSetting = setting };
            yield return setting == false
                ? new Verdict(o, FindingStatus.Pass, $"{o.Display}: service account {account} does not automount its token", evidence)
                : new Verdict(o, FindingStatus.Fail, $"{o.Display}: mounts the token of service account {account} (neither the pod nor the account sets automountServiceAccountToken: false)", evidence);
        }
    }
}
