using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public void Imports_real_aws_cli_output_and_lists_it()
    {
        using var cli = new CliRun();

        var (code, output, error) = cli.Run("import", TestPaths.Fixture("aws-network", "test-nat-gateway"), "--label", "batfish nat");

        Assert.True(code == 0, error + output);
        Assert.Contains("Inferred", output);
        var (_, csv, _) = cli.Run("inventory", "--type", "aws.ec2.nat-gateway", "--format", "csv");
        var lines = csv.Trim().Split('\n');
        Assert.Equal("id,type,provider,account,region,name,tags", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains("aws.ec2.nat-gateway,aws,554773406868,us-east-2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_file_names_its_position_and_stores_nothing()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", TestPaths.Fixture("aws-network", "test-public-subnet")).Code);
        var bad = Path.Combine(cli.Folder, "bad", "aws_configs", "us-east-1");
        Directory.CreateDirectory(bad);
        File.WriteAllText(Path.Combine(bad, "vpcs.json"), "{\"Vpcs\": [\n  {\"VpcId\": \"vpc-1\", \"OwnerId\": \"111111111111\"\n]}");

        var (code, _, error) = cli.Run("import", Path.Combine(cli.Folder, "bad"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Matches(@"vpcs\.json:3:\d+: malformed JSON", error);
        Assert.Contains("Nothing was stored", error);
        var (_, list, _) = cli.Run("snapshots", "--format", "json");
        Assert.Single(System.Text.Json.JsonDocument.Parse(list).RootElement.EnumerateArray());
    }

    [Fact]
    public void Export_and_import_round_trip_through_a_tarball()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", TestPaths.Fixture("aws-network", "test-public-private-subnet")).Code);
        var bundle = Path.Combine(cli.Folder, "snap.tar.gz");

        var export = cli.Run("export", "latest", bundle);
        var again = cli.Run("import", bundle);
        var fresh = cli.Run("import", bundle, "--new-id");

        Assert.True(export.Code == 0, export.Err);
        Assert.Equal(ExitCodes.BadInput, again.Code);
        Assert.Contains("already in the store", again.Err);
        Assert.True(fresh.Code == 0, fresh.Err);
        var (_, list, _) = cli.Run("snapshots", "--format", "json");
        var ids = System.Text.Json.JsonDocument.Parse(list).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Contains("0 appeared, 0 disappeared, 0 changed", cli.Run("diff", ids[1], ids[0]).Out);
    }

    [Fact]
    public void A_missing_path_is_a_clear_error() =>
        Assert.Contains("no such file or folder", new CliRun().Run("import", "/nonexistent/argus").Err);

    [Fact]
    public void Export_never_overwrites_a_file_without_force()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", TestPaths.Fixture("aws-network", "test-public-subnet")).Code);
        var bundle = Path.Combine(cli.Folder, "snap.tar.gz");
        File.WriteAllText(bundle, "keep me");

        var refused = cli.Run("export", "latest", bundle);
        Assert.Equal(ExitCodes.BadInput, refused.Code);
        Assert.Contains("--force", refused.Err);
        Assert.Equal("keep me", File.ReadAllText(bundle));

        Assert.Equal(0, cli.Run("export", "latest", bundle, "--force").Code);
        Assert.NotEqual("keep me", File.ReadAllText(bundle));
    }
}
