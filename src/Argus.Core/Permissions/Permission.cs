using Argus.Core.Model;

namespace Argus.Core.Permissions;

/// <summary>
/// One cloud permission Argus may use, declared once: the permission documentation, the onboarding policies and
/// templates, the self-check and the collectors all come from these entries, and a call whose action is not
/// declared cannot be made.
/// </summary>
/// <param name="Action">The provider's action name, e.g. <c>ec2:DescribeSecurityGroups</c>.</param>
/// <param name="Features">The features that need it (<see cref="Features"/>); the policy for a feature set grants the union.</param>
/// <param name="Justification">Why Argus asks for it, in words a security reviewer accepts or rejects.</param>
/// <param name="Required">False when a feature degrades gracefully without it (recorded as a coverage gap).</param>
public sealed record Permission(
    Provider Provider,
    string Action,
    AccessLevel Access,
    IReadOnlyList<string> Features,
    string Justification,
    bool Required = true);
