using System.Text.Json;
using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class RuleUsageCommandTests
{
    private static readonly string NatGateway = TestPaths.Fixture("aws-network", "test-nat-gateway");
    private static readonly string V5 = TestPaths.Fixture("flow-logs", "v5-custom.log.gz");

    [Fact]
    public void Table_shows_coverage_over_broad_rules_and_unused_groups()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, output, error) = cli.Run("rule-usage", "--flow-logs", V5, "--min-window", "0");

        Assert.True(code == 0, error);
        Assert.Contains("Coverage", output);
        Assert.Contains("eni-017aaec115610308a (subnet-0428892a357fa1f94): 1 SKIPDATA record(s)", output);
        Assert.Matches(@"over-broad\s+sg-0253af84ae6485905 ingress tcp 22 from 0.0.0.0/0\s+3\s+2", output);
        Assert.Contains("suggest: tcp 22 10.1.20.173/32, 198.51.100.23/32", output);
        Assert.Contains("sg-0b647281e3f8f7c18", output);
    }

    [Fact]
    public void Json_lists_rules_with_verdicts_and_findings_with_evidence()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, json, error) = cli.Run("rule-usage", "--flow-logs", V5, "--format", "json");

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(25, root.GetProperty("records").GetInt64());
        var ssh = root.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "sg-0253af84ae6485905/ingress/tcp/22-22/0.0.0.0/0");
        Assert.Equal("used", ssh.GetProperty("verdict").GetString());    // the 2-minute window is under the default 1 day: breadth not judged
        Assert.Contains("breadth not judged", ssh.GetProperty("reason").GetString());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("checkId").GetString() == "network.rule-usage.unused-group"
            && f.GetProperty("evidence").GetProperty("group").GetProperty("id").GetString() == "sg-0b647281e3f8f7c18");
    }

    [Fact]
    public void Bad_lines_are_summarised_with_file_and_line_and_the_run_succeeds()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, output, _) = cli.Run("rule-usage", "--flow-logs", TestPaths.Fixture("flow-logs", "malformed-v2.log"));

        Assert.Equal(0, code);
        Assert.Contains("5 malformed line(s)", output);
        Assert.Contains("malformed-v2.log:6: non-numeric srcport='ssh'", output);
        Assert.Contains("record(s) of 4 interface(s) not in the snapshot", output);
    }

    [Fact]
    public void Store_records_findings_and_csv_has_one_row_per_rule()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, csv, error) = cli.Run("rule-usage", "--flow-logs", V5, "--min-window", "0", "--format", "csv", "--store");

        Assert.True(code == 0, error);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("verdict,rule_id,", lines[0]);
        Assert.Equal(16 + 1, lines.Length);
        Assert.Contains("Stored", error);
        // 3 over-broad group rules and 1 unused group, then the network ACLs: 2 over-broad entries, 3 not judged (SKIPDATA).
        Assert.Contains("9 new", error);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--min-window", "7 days")]
    public void Bad_times_are_usage_errors(string option, string value)
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, _, error) = cli.Run("rule-usage", "--flow-logs", V5, option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, error);
    }

    [Fact]
    public void A_missing_path_is_bad_input()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, _, error) = cli.Run("rule-usage", "--flow-logs", Path.Combine(cli.Folder, "nope"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no such file or folder", error);
    }

    [Theory]
    [InlineData("s3://Not_A_Bucket/x", "is not an S3 bucket name")]
    [InlineData("cloudwatch", "name no CloudWatch Logs destination")]
    public void Unusable_remote_locations_say_why(string location, string message)
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, _, error) = cli.Run("rule-usage", "--flow-logs", location);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("Nothing was stored", error);
    }
}
