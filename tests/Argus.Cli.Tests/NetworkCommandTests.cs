using System.Text.Json;
using Argus.Tests;

namespace Argus.Cli.Tests;

/// <summary>argus reach, exposure and topology, run through the real command tree.</summary>
public sealed class NetworkCommandTests
{
    private static string PublicSubnet => TestPaths.Fixture("aws-network", "test-public-subnet");

    [Fact]
    public void Reach_on_a_stored_snapshot_prints_the_path_hop_by_hop()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", PublicSubnet).Code);

        var (code, output, error) = cli.Run("reach", "--from", "internet", "--to", "i-06669a407b2ef3ae5", "--port", "22");

        Assert.True(code == 0, error);
        Assert.StartsWith("REACHABLE: internet -> i-06669a407b2ef3ae5 (tcp 22)", output, StringComparison.Ordinal);
        Assert.Contains("internet-gateway igw-0a409e562d251f766 — forward: into vpc-0672bce73895d7252 [destination 18.216.80.133 -> 10.0.0.91]", output, StringComparison.Ordinal);
        Assert.Contains("return path:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reach_json_from_a_folder_follows_the_documented_schema()
    {
        using var cli = new CliRun();

        var (code, output, error) = cli.Run("reach", "--input", PublicSubnet, "--from", "internet", "--to", "i-06669a407b2ef3ae5", "--port", "80-443", "--json");

        Assert.True(code == 0, error);
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, answer.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("blocked", answer.GetProperty("verdict").GetString());
        Assert.Equal("ENI_SG_RULES_MISMATCH", answer.GetProperty("blocked").GetProperty("code").GetString());
        Assert.Equal("80-443", answer.GetProperty("requested").GetProperty("tcp").GetString());
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("path").ValueKind);
    }

    [Fact]
    public void Reach_names_a_bad_endpoint_or_port()
    {
        using var cli = new CliRun();

        var (missing, _, missingError) = cli.Run("reach", "--input", PublicSubnet, "--from", "i-nothere", "--to", "internet");
        var (badPort, _, badPortError) = cli.Run("reach", "--input", PublicSubnet, "--from", "internet", "--to", "i-06669a407b2ef3ae5", "--port", "70000");

        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("instance i-nothere is not in the snapshot", missingError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badPort);
        Assert.Contains("'70000' is not a number from 0 to 65535", badPortError, StringComparison.Ordinal);
    }

    [Fact]
    public void Exposure_lists_the_exposed_instance_as_a_table_json_and_csv()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", PublicSubnet).Code);

        var (code, table, error) = cli.Run("exposure");
        var (_, json, _) = cli.Run("exposure", "--json");
        var (_, csv, _) = cli.Run("exposure", "--format", "csv");

        Assert.True(code == 0, error);
        Assert.Contains("i-06669a407b2ef3ae5", table, StringComparison.Ordinal);
        Assert.Contains("network.exposure.remote-admin", table, StringComparison.Ordinal);
        var finding = JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal("network.exposure.remote-admin", finding.GetProperty("checkId").GetString());
        Assert.Equal("High", finding.GetProperty("severity").GetString());
        Assert.StartsWith("check,severity,status,resource", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Exposure_of_the_private_subnet_fixture_does_not_report_the_private_instance()
    {
        using var cli = new CliRun();

        var (code, output, error) = cli.Run("exposure", "--input", TestPaths.Fixture("aws-network", "test-public-private-subnet"), "--format", "csv");

        Assert.True(code == 0, error);
        Assert.Contains("i-094a9e5b545a4fde4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("i-099cf38911942421c", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_writes_json_dot_and_mermaid()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Folder, "network.dot");

        var (code, json, error) = cli.Run("topology", "--input", PublicSubnet);
        var (dotCode, _, dotError) = cli.Run("topology", "--input", PublicSubnet, "--format", "dot", "--output", file);
        var (_, mermaid, _) = cli.Run("topology", "--input", PublicSubnet, "--format", "mermaid");

        Assert.True(code == 0, error);
        Assert.Contains(JsonDocument.Parse(json).RootElement.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "vpc-0672bce73895d7252");
        Assert.True(dotCode == 0, dotError);
        Assert.StartsWith("digraph argus {", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.StartsWith("flowchart LR", mermaid, StringComparison.Ordinal);
    }
}
