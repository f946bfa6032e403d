using System.Text.Json;
using Argus.Aws.Normalization;
using Argus.Core.Model;
using static Argus.Aws.Tests.Normalization.SampleDocuments;

namespace Argus.Aws.Tests.Normalization;

public sealed class BucketNormalizerTests
{
    [Theory]
    [InlineData("central-logs", "eu-central-1")]
    [InlineData("public-site", "us-east-1")]
    [InlineData("legacy-eu", "eu-west-1")]
    [InlineData("no-location", Regions.Global)]
    [InlineData("listed-region", "ap-south-1")]
    public void A_bucket_is_in_the_region_its_location_names(string bucket, string region)
    {
        var n = Normalized.Of(Regions.Global, S3());

        Assert.Equal(region, n.Asset($"arn:aws:s3:::{bucket}").Region);
    }

    [Fact]
    public void Every_listed_bucket_is_one_asset()
    {
        var n = Normalized.Of(Regions.Global, S3());

        n.AssertNoWarnings();
        n.AssertNoDuplicates();
        Assert.Equal(
            ["arn:aws:s3:::central-logs", "arn:aws:s3:::legacy-eu", "arn:aws:s3:::listed-region", "arn:aws:s3:::no-location", "arn:aws:s3:::public-site"],
            n.Ids(AwsAssetTypes.Bucket));
        Assert.All(n.OfType(AwsAssetTypes.Bucket), b => Assert.Equal("111111111111", b.Account));
    }

    [Fact]
    public void Per_bucket_answers_are_merged_into_the_properties()
    {
        var n = Normalized.Of(Regions.Global, S3());
        var logs = n.Asset("arn:aws:s3:::central-logs");

        Assert.Equal("Central logs", logs.Name);
        Assert.Equal("prod", logs.Tags["env"]);
        using var properties = JsonDocument.Parse(logs.Properties);
        var root = properties.RootElement;
        Assert.Equal("central-logs", root.GetProperty("Name").GetString());
        Assert.Equal("eu-central-1", root.GetProperty("Location").GetProperty("LocationConstraint").GetString());
        Assert.True(root.GetProperty("PublicAccessBlockConfiguration").GetProperty("RestrictPublicBuckets").GetBoolean());
        Assert.Equal("FULL_CONTROL", root.GetProperty("Grants")[0].GetProperty("Permission").GetString());
        Assert.Equal("aws:kms", root.GetProperty("ServerSideEncryptionConfiguration").GetProperty("Rules")[0].GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.Equal("Enabled", root.GetProperty("Versioning").GetProperty("Status").GetString());
        Assert.False(root.TryGetProperty("Policy", out _));
    }

    [Fact]
    public void A_public_bucket_keeps_its_policy_text_and_status()
    {
        var n = Normalized.Of(Regions.Global, S3());
        var site = n.Asset("arn:aws:s3:::public-site");

        Assert.Equal("public-site", site.Name);
        Assert.Empty(site.Tags);
        using var properties = JsonDocument.Parse(site.Properties);
        Assert.True(properties.RootElement.GetProperty("PolicyStatus").GetProperty("IsPublic").GetBoolean());
        using var policy = JsonDocument.Parse(properties.RootElement.GetProperty("Policy").GetString()!);
        Assert.Equal("*", policy.RootElement.GetProperty("Statement")[0].GetProperty("Principal").GetString());
    }
}
