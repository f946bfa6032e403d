using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Argus.Core.Model;
using Xunit.Abstractions;

namespace Argus.Synthetic.Tests;

public sealed class LargePresetTests(ITestOutputHelper output)
{
    /// <summary>
    /// Streams the whole large preset once, counting as it goes and checking each region's interfaces against
    /// its subnets; nothing is kept beyond one region's subnets.
    /// </summary>
    [Fact]
    public void The_large_preset_has_100_accounts_4_regions_and_exactly_100000_network_interfaces()
    {
        var source = SyntheticEnvironment.Generate(SyntheticPresets.Find("large")!, 42);
        var clock = Stopwatch.StartNew();
        long documents = 0, bytes = 0, interfaces = 0, instances = 0;
        var accounts = 0;
        var regions = new HashSet<string>();
        var subnets = new Dictionary<string, (string Vpc, IPNetwork Cidr)>();
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
                case "DescribeSubnets":
                    subnets = Subnets(document.Json);
                    break;
                case "DescribeNetworkInterfaces":
                    interfaces += CheckInterfaces(document, subnets);
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

    private static Dictionary<string, (string Vpc, IPNetwork Cidr)> Subnets(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Subnets").EnumerateArray().ToDictionary(
            s => s.GetProperty("SubnetId").GetString()!,
            s => (s.GetProperty("VpcId").GetString()!, IPNetwork.Parse(s.GetProperty("CidrBlock").GetString()!)));
    }

    /// <summary>Each interface of the group sits in one of the group's subnets, at an address inside it, used once.</summary>
    private static int CheckInterfaces(RawDocument interfaces, Dictionary<string, (string Vpc, IPNetwork Cidr)> subnets)
    {
        using var document = JsonDocument.Parse(interfaces.Json);
        var used = new HashSet<string>();
        var count = 0;
        foreach (var eni in document.RootElement.GetProperty("NetworkInterfaces").EnumerateArray())
        {
            var (vpc, cidr) = subnets[eni.GetProperty("SubnetId").GetString()!];
            var address = eni.GetProperty("PrivateIpAddress").GetString()!;
            Assert.Equal(vpc, eni.GetProperty("VpcId").GetString());
            Assert.True(cidr.Contains(IPAddress.Parse(address)), $"{interfaces}: {address} is outside {cidr}");
            Assert.True(used.Add(vpc + address), $"{interfaces}: {address} is used twice");
            count++;
        }

        return count;
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
