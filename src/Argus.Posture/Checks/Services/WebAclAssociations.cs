using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>
/// Which resources of a region a regional WAF web ACL protects (resource ARN to web ACL name), read from
/// wafv2:ListWebACLs and the merged wafv2:ListResourcesForWebACL answer of each ACL; <see cref="Missing"/> is set
/// when either is not in the snapshot, so an unprotected-looking resource is reported as unknown, not failed.
/// </summary>
internal sealed record WebAclAssociations(IReadOnlyDictionary<string, string> ProtectedBy, Lookup? Missing)
{
    public static WebAclAssociations Of(PostureContext context, string account, string region) =>
        context.Shared("wafv2.associations", account, region, () => Read(context, account, region));

    private static WebAclAssociations Read(PostureContext context, string account, string region)
    {
        var acls = context.Get(account, region, AwsOperations.ListWebACLs);
        var protectedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        Lookup? missing = acls.Missing ? acls : null;
        foreach (var acl in PostureContext.Items(acls))
        {
            var arn = acl.GetString("ARN") ?? "";
            var resources = context.Get(account, region, AwsOperations.ListResourcesForWebACL, arn);
            if (resources.Missing)
            {
                missing = resources;
                continue;
            }

            foreach (var r in PostureContext.Items(resources))
            {
                if (r.GetString() is { } target)
                {
                    protectedBy[target] = acl.GetString("Name") ?? arn;
                }
            }
        }

        return new WebAclAssociations(protectedBy, missing);
    }
}
