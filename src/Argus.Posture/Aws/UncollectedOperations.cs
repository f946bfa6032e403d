using Argus.Aws.Operations;

namespace Argus.Posture.Aws;

/// <summary>
/// Answers a check needs that Argus's collector does not make (not in <see cref="AwsOperations"/>). Declared with the
/// service, operation, per-resource key and result keys the AWS CLI prints, so a snapshot that holds them (a hand-run
/// CLI folder, a newer collector) is read; otherwise the checks reading them report ERROR "not collected".
/// </summary>
public static class UncollectedOperations
{
    /// <summary>
    /// One Data Lifecycle Manager policy with its details (target tags, resource types), per PolicyId. The list
    /// (dlm:GetLifecyclePolicies) is collected, but its summaries carry no target tags to match volumes against.
    /// Not <see cref="AwsOperations.GetLifecyclePolicy"/>: that one is ECR's, per repository.
    /// </summary>
    public static readonly AwsOperation GetDlmLifecyclePolicy = new("dlm", "GetLifecyclePolicy", "dlm:GetLifecyclePolicy", false, "PolicyId", ["Policy"], null, "aws dlm get-lifecycle-policy");

    /// <summary>Every operation above, in declaration order.</summary>
    public static IReadOnlyList<AwsOperation> All { get; } = [GetDlmLifecyclePolicy];
}
