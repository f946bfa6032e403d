using Argus.Aws.Normalization;
using Argus.Core.Inventory;
using Argus.Core.Model;
using Argus.Synthetic;
using BenchmarkDotNet.Attributes;

namespace Argus.Bench;

/// <summary>Normalizing the medium preset's document groups, in memory: the normalizer alone, without the store.</summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private List<DocumentGroup> groups = [];

    [GlobalSetup]
    public void Setup()
    {
        var source = SyntheticEnvironment.Generate(SyntheticPresets.Find("medium")!, 42);
        groups = source.ReadDocuments()
            .GroupBy(d => d.Group)
            .Select(g => new DocumentGroup(g.Key, g.ToList()))
            .ToList();
    }

    [Benchmark]
    public int NormalizeMediumPreset()
    {
        var normalizer = new AwsNormalizer();
        var total = 0;
        foreach (var group in groups)
        {
            var output = new InventoryCollector();
            normalizer.Normalize(group, output);
            total += output.Assets.Count;
        }

        return total;
    }
}
