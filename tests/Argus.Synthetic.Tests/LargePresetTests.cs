using System.Diagnostics;
using System.Text.Json;
using Argus.Core.Model;
using Xunit.Abstractions;

namespace Argus.Synthetic.Tests;

public sealed class LargePresetTests(ITestOutputHelper output)
{
    /// <summary>Streams the whole large preset once, counting as it goes; nothing is kept.</summary>
    [Fact]
    public void The_large_preset_has_100_accounts_4_regions_and_exactly_100000_network_interfaces()
    {
        var source = SyntheticEnvironment.Generate(SyntheticPresets.Find("large")!, 42);
        var clock = Stopwatch.StartNew();
        long documents = 0, bytes = 0, interfaces = 0, instances = 0;
        var accounts = 0;
        var regions = new HashSet<string>();
        foreach (var document in source.ReadDocuments())
        {
            documents++;
            bytes += document.Json.Length;
            if (document.Region != Regions.Global)
            {
                regions.Add(document.Region);
            }

            switch (document.Operation)
            {
                case "DescribeNetworkInterfaces":
                    interfaces += CountItems(document.Json, "NetworkInterfaces");
                    break;
                case "DescribeInstances":
                    instances += CountItems(document.Json, "Reservations");
                    break;
                case "ListAccounts":
                    accounts = CountItems(document.Json, "Accounts");
                    break;
            }
        }

        output.WriteLine($"{documents:N0} documents, {bytes / 1048576.0:N0} MB, {interfaces:N0} interfaces, {instances:N0} instances in {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Equal(100, accounts);
        Assert.Equal(4, regions.Count);
        Assert.Equal(100_000, interfaces);
        Assert.InRange(instances, 90_000, 99_000);
        Assert.Equal(100 * 5, source.Header.Scopes!.Count);
    }

    /// <summary>Counts the elements of a top-level array without building a document tree.</summary>
    private static int CountItems(ReadOnlyMemory<byte> json, string key)
    {
        var reader = new Utf8JsonReader(json.Span);
        var count = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(key))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    count++;
                    reader.Skip();
                }

                return count;
            }
        }

        return count;
    }
}
