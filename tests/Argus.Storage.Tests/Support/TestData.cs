using System.Text;
using Argus.Core.Model;

namespace Argus.Storage.Tests.Support;

/// <summary>Small builders for store tests.</summary>
internal static class TestData
{
    public const string Account = "111111111111";
    public const string OtherAccount = "222222222222";
    public const string Region = "eu-west-1";

    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int hours) => T0.AddHours(hours);

    public static RawDocument Document(string operation, string json, string account = Account, string region = Region, string? resource = null, string service = "ec2") =>
        new(Provider.Aws, account, region, service, operation, resource, Encoding.UTF8.GetBytes(json));

    public static Asset Asset(string id, string type = "aws.ec2.vpc", string account = Account, string region = Region, IReadOnlyDictionary<string, string>? tags = null, string? properties = null) =>
        new(id, type, Provider.Aws, account, region, "name of " + id, tags ?? new Dictionary<string, string>(), properties ?? $"{{\"Id\":\"{id}\"}}");

    public static CheckResult Result(string check, string resource, FindingStatus status = FindingStatus.Fail, string account = Account, string region = Region) =>
        new(check, resource, Provider.Aws, account, region, status, Severity.High, $"{check} on {resource}", $"{{\"resource\":\"{resource}\"}}",
            [new FrameworkReference("cis-aws-3.0", "5.2")]);

    public static Scope Scope(string account = Account, string region = Region) => new(Provider.Aws, account, region);

    /// <summary>Stores and commits a snapshot of the given assets (and one document per account, so it has groups).</summary>
    public static Snapshot Commit(IArgusStore store, string id, DateTimeOffset startedAt, IReadOnlyCollection<Asset>? assets = null, IReadOnlyCollection<Relation>? relations = null)
    {
        using var writer = store.BeginSnapshot(id, startedAt, "test", null);
        writer.AddDocument(Document("DescribeVpcs", "{\"Vpcs\":[]}"));
        writer.AddAssets(assets ?? []);
        writer.AddRelations(relations ?? []);
        return writer.Commit(startedAt.AddMinutes(1), SnapshotStatus.Complete, [Scope()]);
    }

    /// <summary>Asserts two assets are equal field by field (records compare dictionaries by reference).</summary>
    public static void Same(Asset expected, Asset actual)
    {
        Assert.Equal(expected with { Tags = null! }, actual with { Tags = null! });
        Assert.Equal(expected.Tags.OrderBy(t => t.Key, StringComparer.Ordinal), actual.Tags.OrderBy(t => t.Key, StringComparer.Ordinal));
    }
}
