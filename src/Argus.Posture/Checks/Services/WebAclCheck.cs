using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>
/// A check that every internet-facing resource of one kind is associated with a regional WAF web ACL: by its own
/// answer, or by the resources the region's web ACLs list. Without the web ACL answers it reports ERROR or
/// NOT_AUTHORIZED for each resource, never a failure it cannot know.
/// </summary>
public abstract class WebAclCheck : RegionalCheck
{
    /// <summary>What the messages call one resource ("API Gateway stage").</summary>
    protected abstract string Kind { get; }

    private protected abstract IEnumerable<WebAclTarget> Targets(PostureContext context, string account, string region, Lookup lookup);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        WebAclAssociations? associations = null;
        foreach (var target in Targets(context, account, region, lookup))
        {
            if (target.Missing is { } unlisted)
            {
                yield return Missing(unlisted, target.Arn, account, region);
                continue;
            }

            associations ??= WebAclAssociations.Of(context, account, region);
            var acl = target.WebAcl ?? associations.ProtectedBy.GetValueOrDefault(target.Arn);
            if (acl is not null)
            {
                yield return Pass(target.Arn, account, region, $"{Kind} {target.Name} is protected by web ACL {acl}.", new { resource = target.Evidence, webAcl = acl });
            }
            else if (associations.Missing is { } missing)
            {
                yield return Missing(missing, target.Arn, account, region);
            }
            else
            {
                yield return Fail(target.Arn, account, region, $"{Kind} {target.Name} has no WAF web ACL.", new { resource = target.Evidence, webAcl = (string?)null });
            }
        }
    }
}
