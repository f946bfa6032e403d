using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.Organizations;

/// <summary>
/// The organization tree, from the management account's answers: the organization, its roots, its OUs (one
/// answer per parent) and its accounts. Every member is related "member-of" its parent. A parent's ARN is built
/// from the child's (same partition, management account and organization id), so it is right whatever order
/// the per-parent answers come in. An account asset's <c>Account</c> is the member account itself.
/// </summary>
internal static class OrganizationNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        string? organization = null;
        foreach (var answer in ctx.Answers(AwsOperations.DescribeOrganization))
        {
            if (ctx.Object(answer, "Organization") is { } item && ctx.Id(item, "Arn") is { } arn)
            {
                organization = arn;
                ctx.Add(arn, AwsAssetTypes.Organization, ctx.Account, Regions.Global, ctx.String(item, "Id") ?? arn, NormalizationContext.NoTags, ctx.Properties.Compact(item.Json));
            }
        }

        foreach (var item in ctx.Items(AwsOperations.ListRoots))
        {
            if (Add(ctx, item, AwsAssetTypes.OrganizationRoot, ctx.Account) is { } root
                && (organization ?? OrganizationArns.OrganizationOf(root)) is { } org)
            {
                ctx.Relate(root, RelationKinds.MemberOf, org);
            }
        }

        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ctx.Items(AwsOperations.ListAccounts))
        {
            if (Account(ctx, item) is { } arn)
            {
                accounts.Add(arn);
            }
        }

        foreach (var item in ctx.Items(AwsOperations.ListOrganizationalUnitsForParent))
        {
            if (Add(ctx, item, AwsAssetTypes.OrganizationalUnit, ctx.Account) is { } ou)
            {
                MemberOfParent(ctx, item, ou);
            }
        }

        foreach (var item in ctx.Items(AwsOperations.ListAccountsForParent))
        {
            // ListAccounts describes every account; an account seen only here is still an account.
            var arn = item.Json.GetString("Arn") is { } known && accounts.Contains(known) ? known : Account(ctx, item);
            if (arn is not null)
            {
                accounts.Add(arn);
                MemberOfParent(ctx, item, arn);
            }
        }
    }

    private static string? Account(NormalizationContext ctx, Item item) =>
        ctx.Id(item, "Id") is { } id ? Add(ctx, item, AwsAssetTypes.OrganizationAccount, ctx.AccountOf(id)) : null;

    private static void MemberOfParent(NormalizationContext ctx, Item item, string child)
    {
        if (item.Document.Resource is not { } parentId)
        {
            ctx.Warn(item, "a per-parent answer without the ParentId it is about; no membership");
        }
        else if (OrganizationArns.Parent(child, parentId) is { } parent)
        {
            ctx.Relate(child, RelationKinds.MemberOf, parent);
        }
        else
        {
            ctx.Warn(item, $"cannot place '{child}' under parent '{parentId}' (expected an ou-/r- parent and an organizations ARN); no membership");
        }
    }

    private static string? Add(NormalizationContext ctx, Item item, string type, string account)
    {
        if (ctx.Id(item, "Arn") is not { } arn)
        {
            return null;
        }

        var name = ctx.String(item, "Name") ?? ctx.String(item, "Id") ?? arn;
        ctx.Add(arn, type, account, Regions.Global, name, NormalizationContext.NoTags, ctx.Properties.Compact(item.Json));
        return arn;
    }
}
