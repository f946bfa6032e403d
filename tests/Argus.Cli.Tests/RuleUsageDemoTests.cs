using System.Text.Json;
using Argus.Synthetic;
using Argus.Synthetic.FlowLogs;

namespace Argus.Cli.Tests;

public sealed class RuleUsageDemoTests
{
    [Fact]
    public void Synthetic_traffic_on_the_demo_shows_the_planted_rules()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("demo", "--no-report").Code);
        var logs = Path.Combine(cli.Folder, "flow-logs");
        var planted = SyntheticFlowLogs.Write(SyntheticPresets.Find("demo")!, 42, logs);

        var (code, json, error) = cli.Run("rule-usage", "--flow-logs", logs, "--format", "json");

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(planted.Records, root.GetProperty("records").GetInt64());
        Assert.Equal(0, root.GetProperty("malformedLines").GetInt64());
        Assert.Equal(0, root.GetProperty("forUnknownInterfaces").GetInt64());
        var rules = root.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r);
        var interfaces = root.GetProperty("coverage").GetProperty("interfaces").EnumerateArray().ToList();
        Assert.All(interfaces, i => Assert.Equal(0, i.GetProperty("unexplainedBySecurityGroups").GetInt64()));
        Assert.All(interfaces, i => Assert.Equal(0, i.GetProperty("unexplainedByNetworkAcl").GetInt64()));

        // Planted mistakes 1 and 3: SSH and PostgreSQL open to the internet, used by three peers only.
        Assert.Equal("over-broad", rules["sg-0c5262e4cd86cf920/ingress/tcp/22-22/0.0.0.0/0"].GetProperty("verdict").GetString());
        Assert.Contains("198.51.100.20/32", rules["sg-0c5262e4cd86cf920/ingress/tcp/22-22/0.0.0.0/0"].GetProperty("suggestion")[0].GetString());
        Assert.Equal("over-broad", rules["sg-0e36535b19bb06750/ingress/tcp/5432-5432/0.0.0.0/0"].GetProperty("verdict").GetString());
        Assert.Contains("sg-0c5262e4cd86cf920/ingress/tcp/22-22/0.0.0.0/0", planted.PlantedOverBroadRules);

        // Every rule the generator left without traffic is unused, or not judged where the logs do not cover it;
        // and nothing else on covered interfaces is called unused.
        var plantedUnused = planted.PlantedUnusedRules.Select(k => k.Split(' ')[0]).ToHashSet();
        foreach (var key in plantedUnused)
        {
            Assert.True(rules[key].GetProperty("verdict").GetString() is "unused" or "not-evaluated", key);
        }

        var noInterfaceGroups = root.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("interfaces").GetArrayLength() == 0)
            .Select(g => g.GetProperty("id").GetString()).ToHashSet();
        var unexpected = rules.Values.Where(r => r.GetProperty("verdict").GetString() == "unused" && r.GetProperty("kind").GetString() == "security-group-rule")
            .Select(r => r.GetProperty("key").GetString()!)
            .Where(k => !plantedUnused.Contains(k) && !noInterfaceGroups.Contains(k.Split('/')[0]));
        Assert.Empty(unexpected);

        // dev-vpc has no flow log (planted mistake 9): its interfaces are not covered, and the report says so.
        Assert.Contains(interfaces, i => i.GetProperty("vpcId").GetString() == "vpc-028f7f19d414cc767" && !i.GetProperty("covered").GetBoolean()
            && i.GetProperty("reason").GetString()!.Contains("no flow log"));
        Assert.Contains(interfaces, i => i.GetProperty("skipData").GetInt64() > 0);

        // The generator logs a record or NODATA for every interval of a logged interface: no holes.
        Assert.All(interfaces, i => Assert.Empty(i.GetProperty("holes").EnumerateArray()));
        Assert.Empty(root.GetProperty("coverage").GetProperty("deliveryGaps").EnumerateArray());
    }
}
