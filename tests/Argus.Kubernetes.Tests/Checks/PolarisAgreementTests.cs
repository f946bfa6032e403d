using Argus.Core.Model;
using Argus.Kubernetes.Checks;
using Argus.Kubernetes.Manifests;
using Argus.Tests;
using Xunit.Abstractions;

namespace Argus.Kubernetes.Tests.Checks;

/// <summary>
/// Runs the Fairwinds Polaris fixtures (../shared/fixtures/k8s-polaris, expected verdict in each file name)
/// through the equivalent Argus checks and measures how often Argus agrees. Disagreements are listed with the
/// reason Argus decides differently; the test fails if agreement drops below what was measured.
/// </summary>
public sealed class PolarisAgreementTests(ITestOutputHelper output)
{
    /// <summary>Polaris check id → Argus check id. Polaris checks with no Argus equivalent are not scored.</summary>
    public static readonly IReadOnlyDictionary<string, string> Equivalents = new Dictionary<string, string>
    {
        ["automountServiceAccountToken"] = "k8s.workload.service-account-token",
        ["clusterrolebindingClusterAdmin"] = "k8s.rbac.cluster-admin-binding",
        ["rolebindingClusterAdminClusterRole"] = "k8s.rbac.cluster-admin-binding",
        ["rolebindingClusterAdminRole"] = "k8s.rbac.cluster-admin-binding",
        ["clusterrolePodExecAttach"] = "k8s.rbac.pod-exec",
        ["clusterrolebindingPodExecAttach"] = "k8s.rbac.pod-exec",
        ["rolePodExecAttach"] = "k8s.rbac.pod-exec",
        ["rolebindingClusterRolePodExecAttach"] = "k8s.rbac.pod-exec",
        ["rolebindingRolePodExecAttach"] = "k8s.rbac.pod-exec",
        ["cpuLimitsMissing"] = "k8s.workload.cpu-limits",
        ["cpuRequestsMissing"] = "k8s.workload.cpu-requests",
        ["memoryLimitsMissing"] = "k8s.workload.memory-limits",
        ["memoryRequestsMissing"] = "k8s.workload.memory-requests",
        ["dangerousCapabilities"] = "k8s.workload.added-capabilities",
        ["insecureCapabilities"] = "k8s.workload.capabilities-not-dropped",
        ["hostIPCSet"] = "k8s.workload.host-ipc",
        ["hostNetworkSet"] = "k8s.workload.host-network",
        ["hostPIDSet"] = "k8s.workload.host-pid",
        ["hostPathSet"] = "k8s.workload.host-path",
        ["hostPortSet"] = "k8s.workload.host-port",
        ["hostProcess"] = "k8s.workload.host-process",
        ["procMount"] = "k8s.workload.proc-mount",
        ["livenessProbeMissing"] = "k8s.workload.liveness-probe",
        ["readinessProbeMissing"] = "k8s.workload.readiness-probe",
        ["missingNetworkPolicy"] = "k8s.network.workload-not-isolated",
        ["notReadOnlyRootFilesystem"] = "k8s.workload.writable-root-filesystem",
        ["privilegeEscalationAllowed"] = "k8s.workload.privilege-escalation",
        ["runAsPrivileged"] = "k8s.workload.privileged",
        ["runAsRootAllowed"] = "k8s.workload.run-as-root",
        ["tagNotSpecified"] = "k8s.workload.image-tag",
        ["tlsSettingsMissing"] = "k8s.network.ingress-without-tls",
    };

    public static IEnumerable<(string Polaris, string File, bool ExpectFail)> Fixtures()
    {
        var root = TestPaths.Fixture("k8s-polaris", "test", "checks");
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.StartsWith("mutated", StringComparison.Ordinal) || name == "check.yaml")
                {
                    continue;
                }

                yield return (Path.GetFileName(folder), file, name.Contains("failure", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Argus_agrees_with_Polaris_on_its_fixtures()
    {
        var scored = 0;
        var agreed = 0;
        var perCheck = new SortedDictionary<string, (int Agreed, int Scored)>(StringComparer.Ordinal);
        var disagreements = new List<string>();
        foreach (var (polaris, file, expectFail) in Fixtures())
        {
            if (!Equivalents.TryGetValue(polaris, out var argusId))
            {
                continue;
            }

            var set = ManifestLoader.Load(file);
            Assert.Empty(set.Errors);
            var results = KubernetesCheckEngine.Run(set.ToObjectSet(), [KubernetesChecks.Find(argusId)!]);
            var argusFails = results.Any(r => r.Status == FindingStatus.Fail);
            scored++;
            var tally = perCheck.GetValueOrDefault(polaris);
            perCheck[polaris] = (tally.Agreed + (argusFails == expectFail ? 1 : 0), tally.Scored + 1);
            if (argusFails == expectFail)
            {
                agreed++;
            }
            else
            {
                disagreements.Add($"{polaris}/{Path.GetFileName(file)}: Polaris {(expectFail ? "fails" : "passes")}, {argusId} {(argusFails ? "fails: " + string.Join(" | ", results.Where(r => r.Status == FindingStatus.Fail).Select(r => r.Message)) : results.Count == 0 ? "has nothing to judge" : "passes")}");
            }
        }

        var unmapped = Fixtures().Select(f => f.Polaris).Distinct().Where(p => !Equivalents.ContainsKey(p)).ToList();
        output.WriteLine($"agreement: {agreed}/{scored} fixture files ({100.0 * agreed / scored:F1}%) over {Equivalents.Count} Polaris checks; not scored (no Argus equivalent): {string.Join(", ", unmapped)}");
        output.WriteLine(string.Join(", ", perCheck.Select(p => $"{p.Key} {p.Value.Agreed}/{p.Value.Scored}")));
        foreach (var d in disagreements)
        {
            output.WriteLine(d);
        }

        Assert.True(scored > 200, $"only {scored} fixtures scored");
        // Measured: 190 of 212. Every disagreement is listed above; see docs/kubernetes.md for why Argus differs.
        Assert.True(agreed >= 190, $"agreement fell to {agreed}/{scored}:\n{string.Join("\n", disagreements)}");
    }
}
