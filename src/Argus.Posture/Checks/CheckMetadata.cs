using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Posture.Checks;

/// <summary>
/// Everything a reader needs to know about a check, kept next to its code.
/// </summary>
/// <param name="Id">Stable dotted id, e.g. <c>aws.iam.root-access-keys</c>; findings history is keyed by it.</param>
/// <param name="ResourceType">The asset type the results are about, e.g. <c>aws.iam.user</c> or <c>aws.account</c>.</param>
/// <param name="Reads">The stored AWS answers the check needs; their IAM actions are what a gap must name.</param>
/// <param name="UnmappedReason">For a check no framework requirement maps to: why it is in the catalog anyway.</param>
public sealed record CheckMetadata(
    string Id,
    string Title,
    Severity Severity,
    string Service,
    string ResourceType,
    string Description,
    string Risk,
    Remediation Remediation,
    IReadOnlyList<string> References,
    IReadOnlyList<AwsOperation> Reads,
    string? UnmappedReason = null)
{
    /// <summary>The IAM actions behind <see cref="Reads"/>, in order, without repeats.</summary>
    public IReadOnlyList<string> Actions => Reads.Select(r => r.IamAction).Distinct(StringComparer.Ordinal).ToList();
}
