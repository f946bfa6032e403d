using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization.S3;

/// <summary>
/// S3 buckets from <c>ListBuckets</c>, each enriched with the per-bucket answers that decide its exposure. The
/// properties are the <c>ListBuckets</c> item with these members merged in when collected:
/// <c>Location</c> (the GetBucketLocation answer), <c>Policy</c> (the policy text), <c>PolicyStatus</c>,
/// <c>PublicAccessBlockConfiguration</c>, <c>Grants</c> (from GetBucketAcl), <c>ServerSideEncryptionConfiguration</c>
/// and <c>Versioning</c> (the GetBucketVersioning answer). Tags come from GetBucketTagging.
/// </summary>
internal static class BucketNormalizer
{
    public static void Normalize(NormalizationContext ctx)
    {
        foreach (var item in ctx.Items(AwsOperations.ListBuckets))
        {
            if (ctx.Id(item, "Name") is { } name)
            {
                Bucket(ctx, item, name);
            }
        }
    }

    private static void Bucket(NormalizationContext ctx, Item item, string name)
    {
        using var location = ctx.Open(AwsOperations.GetBucketLocation, name);
        using var policy = ctx.Open(AwsOperations.GetBucketPolicy, name);
        using var policyStatus = ctx.Open(AwsOperations.GetBucketPolicyStatus, name);
        using var publicAccess = ctx.Open(AwsOperations.GetPublicAccessBlock, name);
        using var acl = ctx.Open(AwsOperations.GetBucketAcl, name);
        using var encryption = ctx.Open(AwsOperations.GetBucketEncryption, name);
        using var versioning = ctx.Open(AwsOperations.GetBucketVersioning, name);
        using var tagging = ctx.Open(AwsOperations.GetBucketTagging, name);

        var properties = ctx.Properties.Merge(item.Json,
        [
            ("Location", location?.Answer.Json),
            ("Policy", policy?.Member("Policy")),
            ("PolicyStatus", policyStatus?.Member("PolicyStatus")),
            ("PublicAccessBlockConfiguration", publicAccess?.Member("PublicAccessBlockConfiguration")),
            ("Grants", acl?.Member("Grants")),
            ("ServerSideEncryptionConfiguration", encryption?.Member("ServerSideEncryptionConfiguration")),
            ("Versioning", versioning?.Answer.Json),
        ]);
        var tags = tagging is null ? NormalizationContext.NoTags : ctx.Tags(tagging.Answer, "TagSet");
        var region = location is null ? ctx.String(item, "BucketRegion") ?? Regions.Global : RegionOf(ctx, location);
        ctx.Add(AwsArns.Bucket(ctx.Partition, name), AwsAssetTypes.Bucket, ctx.Account, region, NormalizationContext.NameOf(tags, name), tags, properties);
    }

    /// <summary>
    /// The bucket's region from GetBucketLocation: no constraint means us-east-1 and the legacy <c>EU</c> means
    /// eu-west-1 (both as the S3 API reference documents).
    /// </summary>
    private static string RegionOf(NormalizationContext ctx, OpenDocument location)
    {
        if (location.Answer.Json.ValueKind != JsonValueKind.Object)
        {
            ctx.Warn(location.Raw, $"the answer is {NormalizationContext.Describe(location.Answer.Json)}, expected an object; region unknown");
            return Regions.Global;
        }

        var constraint = location.Member("LocationConstraint");
        switch (constraint?.ValueKind)
        {
            case null or JsonValueKind.Null:
                return "us-east-1";
            case JsonValueKind.String:
                var value = constraint.Value.GetString()!;
                return value.Length == 0 ? "us-east-1" : value == "EU" ? "eu-west-1" : value;
            default:
                ctx.Warn(location.Answer, $"\"LocationConstraint\" is {NormalizationContext.Describe(constraint.Value)}, expected a region name; region unknown");
                return Regions.Global;
        }
    }
}
