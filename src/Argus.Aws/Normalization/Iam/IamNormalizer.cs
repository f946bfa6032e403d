using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Iam;

/// <summary>
/// IAM users, groups, roles, managed policies and instance profiles, with their ARNs as ids. The relations come
/// from <c>GetAccountAuthorizationDetails</c> (the List* answers do not name attachments or memberships); the
/// List* answers add what it did not describe. A user's properties get the <c>AccessKeyMetadata</c> of its
/// <c>ListAccessKeys</c> answer when collected.
/// </summary>
internal static class IamNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        foreach (var details in ctx.Answers(AwsOperations.GetAccountAuthorizationDetails))
        {
            AuthorizationDetails(ctx, details, described);
        }

        foreach (var item in ctx.Items(AwsOperations.ListUsers))
        {
            User(ctx, item, described);
        }

        Listed(ctx, AwsOperations.ListGroups, AwsAssetTypes.IamGroup, "GroupName", described);
        Listed(ctx, AwsOperations.ListRoles, AwsAssetTypes.IamRole, "RoleName", described);
        Listed(ctx, AwsOperations.ListPolicies, AwsAssetTypes.IamPolicy, "PolicyName", described);
        foreach (var item in ctx.Items(AwsOperations.ListInstanceProfiles))
        {
            InstanceProfile(ctx, item, described);
        }
    }

    private static void AuthorizationDetails(NormalizationContext ctx, Item details, HashSet<string> described)
    {
        // Users name their groups by name; the group's ARN includes its path, so it is looked up.
        var groupArns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in ctx.Objects(details, "GroupDetailList"))
        {
            if (Add(ctx, group, AwsAssetTypes.IamGroup, "GroupName", described) is { } arn)
            {
                if (ctx.String(group, "GroupName") is { } name)
                {
                    groupArns[name] = arn;
                }

                AttachedPolicies(ctx, group, arn);
            }
        }

        foreach (var user in ctx.Objects(details, "UserDetailList"))
        {
            if (User(ctx, user, described) is not { } arn)
            {
                continue;
            }

            foreach (var groupName in ctx.Strings(user, "GroupList"))
            {
                var group = groupArns.GetValueOrDefault(groupName) ?? AwsArns.Iam(ctx.Partition, AccountIn(ctx, arn), "group", groupName);
                ctx.Relate(arn, RelationKinds.MemberOf, group);
            }

            AttachedPolicies(ctx, user, arn);
        }

        foreach (var role in ctx.Objects(details, "RoleDetailList"))
        {
            if (Add(ctx, role, AwsAssetTypes.IamRole, "RoleName", described) is not { } arn)
            {
                continue;
            }

            AttachedPolicies(ctx, role, arn);
            foreach (var profile in ctx.Objects(role, "InstanceProfileList"))
            {
                InstanceProfile(ctx, profile, described);
            }
        }

        foreach (var policy in ctx.Objects(details, "Policies"))
        {
            Add(ctx, policy, AwsAssetTypes.IamPolicy, "PolicyName", described);
        }
    }

    private static string? User(NormalizationContext ctx, Item user, HashSet<string> described)
    {
        if (user.Json.GetString("Arn") is { } known && described.Contains(known))
        {
            return known;
        }

        using var keys = user.Json.GetString("UserName") is { } name ? ctx.Open(AwsOperations.ListAccessKeys, name) : null;
        var properties = keys is null ? null : ctx.Properties.Merge(user.Json, [("AccessKeyMetadata", keys.Member("AccessKeyMetadata"))]);
        return Add(ctx, user, AwsAssetTypes.IamUser, "UserName", described, properties);
    }

    /// <summary>An instance profile and the role it passes to instances.</summary>
    private static void InstanceProfile(NormalizationContext ctx, Item profile, HashSet<string> described)
    {
        var arn = ctx.Id(profile, "Arn");
        if (arn is null)
        {
            return;
        }

        Add(ctx, profile, AwsAssetTypes.IamInstanceProfile, "InstanceProfileName", described);
        foreach (var role in ctx.Objects(profile, "Roles"))
        {
            if (ctx.String(role, "Arn") is { } roleArn)
            {
                // A profile is listed under its role and again by ListInstanceProfiles.
                ctx.RelateOnce(arn, RelationKinds.Uses, roleArn);
            }
        }
    }

    private static void Listed(NormalizationContext ctx, AwsOperation operation, string type, string nameMember, HashSet<string> described)
    {
        foreach (var item in ctx.Items(operation))
        {
            Add(ctx, item, type, nameMember, described);
        }
    }

    private static void AttachedPolicies(NormalizationContext ctx, Item principal, string principalArn)
    {
        foreach (var policy in ctx.Objects(principal, "AttachedManagedPolicies"))
        {
            if (ctx.String(policy, "PolicyArn") is { } policyArn)
            {
                ctx.Relate(policyArn, RelationKinds.AttachedTo, principalArn);
            }
        }
    }

    /// <summary>Adds an IAM asset unless this group already described it; returns its ARN either way (null without one).</summary>
    private static string? Add(NormalizationContext ctx, Item item, string type, string nameMember, HashSet<string> described, string? properties = null)
    {
        if (ctx.Id(item, "Arn") is not { } arn)
        {
            return null;
        }

        if (described.Add(arn))
        {
            var tags = ctx.Tags(item);
            var name = NormalizationContext.NameOf(tags, ctx.String(item, nameMember) ?? arn[(arn.LastIndexOf('/') + 1)..]);
            ctx.Add(arn, type, AccountIn(ctx, arn), Regions.Global, name, tags, properties ?? ctx.Properties.Compact(item.Json));
        }

        return arn;
    }

    /// <summary>The account in an IAM ARN (<c>arn:aws:iam::123456789012:role/x</c>); AWS-managed policies name <c>aws</c>, so they get the group's.</summary>
    private static string AccountIn(NormalizationContext ctx, string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 ? ctx.AccountOf(parts[4]) : ctx.Account;
    }
}
