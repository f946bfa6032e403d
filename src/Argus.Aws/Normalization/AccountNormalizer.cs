using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>
/// The account of the group, and for a regional group its region. Every group of an account emits the same
/// account asset (the importer keeps one), so an account appears even when only one region was collected.
/// </summary>
internal static class AccountNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        ctx.Add(ctx.AccountArn, AwsAssetTypes.Account, ctx.Account, Regions.Global, ctx.Account, NormalizationContext.NoTags, ctx.Properties.Single("AccountId", ctx.Account));
        if (ctx.IsGlobal)
        {
            return;
        }

        // The region's own DescribeRegions item when collected; every region lists the same items, so the asset
        // is the same whichever group describes it.
        string? properties = null;
        foreach (var item in ctx.Items(AwsOperations.DescribeRegions))
        {
            if (properties is null && item.Json.GetString("RegionName") == ctx.Region)
            {
                properties = ctx.Properties.Compact(item.Json);
            }
        }

        var regionArn = AwsArns.Region(ctx.Partition, ctx.Account, ctx.Region);
        ctx.Add(regionArn, AwsAssetTypes.Region, ctx.Account, ctx.Region, ctx.Region, NormalizationContext.NoTags, properties ?? ctx.Properties.Single("RegionName", ctx.Region));
        ctx.Relate(ctx.AccountArn, RelationKinds.Contains, regionArn);
    }
}
