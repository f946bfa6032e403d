using Argus.Core.Permissions;

namespace Argus.Aws.Doctor;

/// <summary>One catalog action as the self-check saw it.</summary>
/// <param name="Action">The IAM action, e.g. <c>ec2:DescribeVpcs</c>.</param>
/// <param name="Decision">Allowed, denied (and how) or unknown.</param>
/// <param name="Method">Where the decision comes from.</param>
/// <param name="Access">Read or write, from the catalog.</param>
/// <param name="Required">Whether the catalog marks it required (its features are off without it).</param>
/// <param name="Features">The requested features that use it.</param>
/// <param name="Justification">Why Argus asks for it, from the catalog.</param>
/// <param name="Detail">What else is known: denied by an SCP or a permissions boundary, the probe's error code.</param>
public sealed record ActionCheck(
    string Action,
    ActionDecision Decision,
    CheckMethod Method,
    AccessLevel Access,
    bool Required,
    IReadOnlyList<string> Features,
    string Justification,
    string? Detail = null)
{
    /// <summary>Denied by any means: the simulation's implicit or explicit deny, or a probe's access-denied answer.</summary>
    public bool IsMissing => Decision is ActionDecision.ImplicitDeny or ActionDecision.ExplicitDeny or ActionDecision.Denied;
}
