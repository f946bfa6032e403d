using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>
/// A resource a regional WAF web ACL should protect. <paramref name="WebAcl"/> is an association the resource's own
/// answer states (an API Gateway stage's webAclArn); <paramref name="Missing"/> is set when the data needed to list
/// the resource itself is not in the snapshot.
/// </summary>
internal sealed record WebAclTarget(string Arn, string Name, string? WebAcl, object Evidence, Lookup? Missing = null);
