using System.Text.Json;

namespace Argus.Posture.Aws;

/// <summary>A user, group or role from <c>get-account-authorization-details</c>, with the policies it holds directly.</summary>
/// <param name="Kind">user, group or role.</param>
/// <param name="InlinePolicies">Inline policy name and document.</param>
public sealed record IamPrincipal(
    string Kind,
    string Name,
    string Arn,
    string Path,
    IReadOnlyList<string> AttachedPolicyArns,
    IReadOnlyList<(string Name, JsonElement Document)> InlinePolicies,
    JsonElement Item);
