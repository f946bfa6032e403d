using Argus.Core.Model;
using Argus.Kubernetes.Objects;

namespace Argus.Kubernetes.Checks;

/// <summary>A check's answer for one object; the engine adds the check's id, severity and frameworks.</summary>
/// <param name="Evidence">Serialized to JSON as the finding's evidence: the values that decided it.</param>
public sealed record Verdict(KubeObject Target, FindingStatus Status, string Message, object Evidence);
