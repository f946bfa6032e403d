using Argus.Aws.Normalization;
using Argus.Aws.Operations;
using Argus.Core.Inventory;
using Argus.Core.Model;

namespace Argus.Aws.Tests.Normalization;

/// <summary>What the normalizer made of some documents, with lookups that keep the tests short.</summary>
internal sealed class Normalized
{
    public const string Account = "111111111111";

    private Normalized(InventoryCollector output) => Output = output;

    public InventoryCollector Output { get; }

    public List<Asset> Assets => Output.Assets;

    public List<Relation> Relations => Output.Relations;

    public List<string> Warnings => Output.Warnings;

    public static Normalized Of(DocumentGroup group)
    {
        var output = new InventoryCollector();
        new AwsNormalizer().Normalize(group, output);
        return new Normalized(output);
    }

    /// <summary>Normalizes hand-written answers as one group.</summary>
    public static Normalized Of(string region, params RawDocument[] documents) =>
        Of(new DocumentGroup(new DocumentGroupKey(Provider.Aws, documents.Length > 0 ? documents[0].Account : Account, region), documents));

    /// <summary>A hand-written answer of an operation.</summary>
    public static RawDocument Doc(AwsOperation operation, string json, string region = "us-east-1", string? resource = null, string account = Account) =>
        new(Provider.Aws, account, operation.Global ? Regions.Global : region, operation.Service, operation.Operation, resource, System.Text.Encoding.UTF8.GetBytes(json));

    public Asset Asset(string id) =>
        Assets.SingleOrDefault(a => a.Id == id) ?? throw new Xunit.Sdk.XunitException($"no asset {id}; have:\n  {string.Join("\n  ", Assets.Select(a => a.Id))}");

    public List<Asset> OfType(string type) => Assets.Where(a => a.Type == type).ToList();

    public List<string> Ids(string type) => OfType(type).Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

    public bool Has(string from, string kind, string to) => Relations.Contains(new Relation(from, to, kind));

    /// <summary>Asserts the relation exists, listing what the source does have when it does not.</summary>
    public void AssertRelation(string from, string kind, string to)
    {
        if (!Has(from, kind, to))
        {
            throw new Xunit.Sdk.XunitException(
                $"missing {from} {kind} {to}; {from} has:\n  {string.Join("\n  ", Relations.Where(r => r.From == from).Select(r => $"{r.Kind} {r.To}"))}");
        }
    }

    /// <summary>The targets of one kind of relation from one asset, sorted.</summary>
    public List<string> Targets(string from, string kind) =>
        Relations.Where(r => r.From == from && r.Kind == kind).Select(r => r.To).Order(StringComparer.Ordinal).ToList();

    /// <summary>The sources of one kind of relation to one asset, sorted.</summary>
    public List<string> Sources(string kind, string to) =>
        Relations.Where(r => r.To == to && r.Kind == kind).Select(r => r.From).Order(StringComparer.Ordinal).ToList();

    public void AssertNoWarnings() => Assert.True(Warnings.Count == 0, "warnings:\n" + string.Join("\n", Warnings));

    public void AssertNoDuplicates()
    {
        Assert.Empty(Assets.GroupBy(a => a.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Relations.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key));
    }
}
