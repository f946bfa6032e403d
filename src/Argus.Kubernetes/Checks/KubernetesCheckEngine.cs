using System.Text.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using Argus.Kubernetes.Permissions;

namespace Argus.Kubernetes.Checks;

/// <summary>
/// Runs checks on an object set (a cluster from a snapshot, or manifests) and turns verdicts into
/// <see cref="CheckResult"/>s. Never a silent pass: for every kind a check reads that a coverage gap says could
/// not be listed, the check reports NOT_AUTHORIZED (access denied) or ERROR naming the missing permission.
/// </summary>
public static class KubernetesCheckEngine
{
    private static readonly JsonSerializerOptions EvidenceOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<CheckResult> Run(ObjectSet objects, IEnumerable<KubernetesCheck>? checks = null) =>
        RunLocated(objects, checks).Select(r => r.Result).ToList();

    /// <summary>
    /// Like <see cref="Run"/>, with where each judged object came from (<c>file:line</c> for manifests), since the
    /// same kind, namespace and name can appear in several files.
    /// </summary>
    public static IReadOnlyList<LocatedResult> RunLocated(ObjectSet objects, IEnumerable<KubernetesCheck>? checks = null)
    {
        var results = new List<LocatedResult>();
        foreach (var check in checks ?? KubernetesChecks.All)
        {
            var m = check.Metadata;
            foreach (var verdict in check.Evaluate(objects))
            {
                var o = verdict.Target;
                results.Add(new LocatedResult(
                    new CheckResult(m.Id, o.Id, Provider.Kubernetes, o.Cluster, o.Namespace, verdict.Status, m.Severity, verdict.Message, JsonSerializer.Serialize(verdict.Evidence, EvidenceOptions), m.Frameworks),
                    o.Origin));
            }

            results.AddRange(GapResults(objects, m).Select(r => new LocatedResult(r, null)));
        }

        return results;
    }

    private static IEnumerable<CheckResult> GapResults(ObjectSet objects, CheckMetadata m)
    {
        foreach (var kind in m.Kinds)
        {
            if (KubernetesPermissionCatalog.Instance.ForKind(kind) is not { } resource)
            {
                continue;
            }

            foreach (var gap in objects.Gaps.Where(g => g.Service == resource.Service && g.Operation == resource.ListOperation))
            {
                var status = gap.Reason == GapReason.AccessDenied ? FindingStatus.NotAuthorized : FindingStatus.Error;
                var message = $"could not evaluate {resource.Kind} objects: {gap.Permission} was {(gap.Reason == GapReason.AccessDenied ? "denied" : "not collected")} ({gap.Message})";
                var evidence = JsonSerializer.Serialize(new { permission = gap.Permission, reason = gap.Reason.ToString(), gap = gap.Message }, EvidenceOptions);
                yield return new CheckResult(m.Id, $"{objects.Cluster}/{gap.Region}/{resource.Kind}/*", Provider.Kubernetes, objects.Cluster, gap.Region, status, m.Severity, message, evidence, m.Frameworks);
            }
        }
    }
}
