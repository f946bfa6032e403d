using System.Text.Json;
using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class InventoryCommandTests
{
    [Fact]
    public void Filters_by_type_prefix_and_prints_json_with_provider_properties()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", TestPaths.Fixture("aws-network", "test-public-subnet")).Code);

        var (code, json, error) = cli.Run("inventory", "--type", "aws.ec2.*", "--format", "json");

        Assert.True(code == 0, error);
        var assets = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, a => Assert.StartsWith("aws.ec2.", a.GetProperty("type").GetString()));
        var sg = assets.First(a => a.GetProperty("type").GetString() == "aws.ec2.security-group");
        Assert.True(sg.GetProperty("properties").TryGetProperty("GroupId", out _));
    }

    [Fact]
    public void Summary_counts_assets_per_type()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", TestPaths.Fixture("aws-network", "test-public-subnet")).Code);

        var (_, output, _) = cli.Run("inventory", "--summary");

        Assert.Contains("aws.ec2.vpc", output);
        Assert.Matches(@"\d+ assets of \d+ types", output);
    }

    [Fact]
    public void An_empty_store_tells_the_user_what_to_do()
    {
        using var cli = new CliRun();

        var (code, _, error) = cli.Run("inventory");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("argus demo", error);
    }
}
