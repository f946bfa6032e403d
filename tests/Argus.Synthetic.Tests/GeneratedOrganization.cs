using System.Text.Json;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Synthetic.Tests;

/// <summary>A generated organization held in memory and parsed, for tests that look across documents.</summary>
internal sealed class GeneratedOrganization
{
    private static readonly Dictionary<(string, int), GeneratedOrganization> Cache = [];

    private GeneratedOrganization(ISnapshotSource source)
    {
        Source = source;
        Documents = source.ReadDocuments().ToList();
        Parsed = Documents.ToDictionary(d => d, d => JsonDocument.Parse(d.Json).RootElement);
    }

    public ISnapshotSource Source { get; }

    public IReadOnlyList<RawDocument> Documents { get; }

    public IReadOnlyDictionary<RawDocument, JsonElement> Parsed { get; }

    /// <summary>Generated once per test run: the demo and medium presets are shared by several test classes.</summary>
    public static GeneratedOrganization Of(string preset, int seed = 42)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((preset, seed), out var organization))
            {
                organization = new GeneratedOrganization(SyntheticEnvironment.Generate(SyntheticPresets.Find(preset)!, seed));
                Cache[(preset, seed)] = organization;
            }

            return organization;
        }
    }

    public IEnumerable<string> Accounts => Documents.Select(d => d.Account).Distinct();

    public IEnumerable<(string Account, string Region)> RegionalGroups =>
        Documents.Where(d => d.Region != Regions.Global).Select(d => (d.Account, d.Region)).Distinct();

    public JsonElement? Find(string account, string region, string operation, string? resource = null)
    {
        var document = Documents.FirstOrDefault(d => d.Account == account && d.Region == region && d.Operation == operation && d.Resource == resource);
        return document is null ? null : Parsed[document];
    }

    public JsonElement Get(string account, string region, string operation, string? resource = null) =>
        Find(account, region, operation, resource) ?? throw new InvalidOperationException($"no {operation} for {account}/{region}/{resource}");

    /// <summary>Every item of <paramref name="key"/> in the <paramref name="operation"/> answers of one group.</summary>
    public IEnumerable<JsonElement> Items(string account, string region, string operation, string key) =>
        Find(account, region, operation) is { } root ? root.GetProperty(key).EnumerateArray() : [];

    /// <summary>Every item of <paramref name="key"/> in every <paramref name="operation"/> answer, with where it came from.</summary>
    public IEnumerable<(RawDocument Document, JsonElement Item)> AllItems(string operation, string key) =>
        Documents.Where(d => d.Operation == operation).SelectMany(d => Parsed[d].GetProperty(key).EnumerateArray().Select(i => (d, i)));

    public string AccountNamed(string name) =>
        Items(Documents.First(d => d.Operation == "ListAccounts").Account, Regions.Global, "ListAccounts", "Accounts")
            .Single(a => a.GetProperty("Name").GetString() == name).GetProperty("Id").GetString()!;

    public static string? Tag(JsonElement item, string key, string property = "Tags") =>
        item.TryGetProperty(property, out var tags)
            ? tags.EnumerateArray().Where(t => t.GetProperty("Key").GetString() == key).Select(t => t.GetProperty("Value").GetString()).FirstOrDefault()
            : null;

    public static string Str(JsonElement item, string property) => item.GetProperty(property).GetString()!;
}
