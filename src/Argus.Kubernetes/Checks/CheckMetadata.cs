using Argus.Core.Model;

namespace Argus.Kubernetes.Checks;

/// <summary>What a check is, declared next to its code.</summary>
/// <param name="Id">Stable id, e.g. <c>k8s.workload.privileged</c>.</param>
/// <param name="Kinds">The object kinds it reads; a coverage gap on any of them turns into NOT_AUTHORIZED or ERROR results.</param>
/// <param name="Frameworks">Pod Security Standards, NSA/CISA and CIS Kubernetes requirements it helps evaluate; empty only for reliability checks no framework names.</param>
public sealed record CheckMetadata(
    string Id,
    string Title,
    Severity Severity,
    string Category,
    string Description,
    string Remediation,
    IReadOnlyList<string> References,
    IReadOnlyList<FrameworkReference> Frameworks,
    IReadOnlyList<string> Kinds);
