using Argus.Core.Model;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks.Workloads;

/// <summary>
/// A workload check: judges each top-level workload (see <see cref="Workload.TopLevel"/>) by the problems its
/// pod spec has; none is a PASS, any is a FAIL that lists them.
/// </summary>
public sealed class WorkloadRule(CheckMetadata metadata, Func<Workload, IEnumerable<string>> problems) : KubernetesCheck
{
    public override CheckMetadata Metadata => metadata;

    public override IEnumerable<Verdict> Evaluate(ObjectSet objects)
    {
        foreach (var workload in Workload.TopLevel(objects))
        {
            var found = problems(workload).ToList();
            yield return found.Count == 0
                ? new Verdict(workload.Object, FindingStatus.Pass, $"{workload.Object.Display}: passes {metadata.Title.ToLowerInvariant()}", new { problems = found })
                : new Verdict(workload.Object, FindingStatus.Fail, $"{workload.Object.Display}: {string.Join("; ", found)}", new { problems = found });
        }
    }

    /// <summary>A rule judged per container: the problem of each container, or null when it is fine.</summary>
    public static WorkloadRule PerContainer(CheckMetadata metadata, Func<Workload, Container, string?> problem, bool regularOnly = false) =>
        new(metadata, w => w.Containers
            .Where(c => !regularOnly || c.Role == "container")
            .Select(c => problem(w, c) is { } p ? $"{c.Display} {p}" : null)
            .OfType<string>());
}
