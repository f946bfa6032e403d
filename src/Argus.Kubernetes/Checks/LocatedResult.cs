using Argus.Core.Model;

namespace Argus.Kubernetes.Checks;

/// <summary>A check result and the origin of the object it judged (<c>file:line</c>, or the stored document); null for gap results.</summary>
public sealed record LocatedResult(CheckResult Result, string? Origin);
