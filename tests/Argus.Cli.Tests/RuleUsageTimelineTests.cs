using System.Text.Json;
using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class RuleUsageTimelineTests
{
    private static readonly string NatGateway = TestPaths.Fixture("aws-network", "test-nat-gateway");
    private static readonly string V5 = TestPaths.Fixture("flow-logs", "v5-custom.log.gz");

    [Fact]
    public void Several_snapshots_of_the_account_form_a_timeline_and_the_output_names_them()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, output, error) = cli.Run("rule-usage", "--flow-logs", V5, "--min-window", "0");
        var (jsonCode, json, _) = cli.Run("rule-usage", "--flow-logs", V5, "--format", "json");

        Assert.True(code == 0, error);
        Assert.Contains("Judged against 2 snapshots by record time", output);
        Assert.Contains("25 record(s) predate the first snapshot and were judged against it", output);
        Assert.Equal(0, jsonCode);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2, root.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(25, root.GetProperty("recordsBeforeFirstSnapshot").GetInt64());

        // The same rules either way: identical snapshots merge rule by rule.
        var ssh = root.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "sg-0253af84ae6485905/ingress/tcp/22-22/0.0.0.0/0");
        Assert.Equal(3, ssh.GetProperty("hits").GetInt64());
    }

    [Fact]
    public void Snapshot_option_keeps_one_snapshot()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", NatGateway).Code);
        Assert.Equal(0, cli.Run("import", NatGateway).Code);

        var (code, json, error) = cli.Run("rule-usage", "--flow-logs", V5, "--snapshot", "latest", "--format", "json");

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(0, root.GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public void Snapshots_of_the_same_moment_count_once_and_the_latest_stands_for_it()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("demo", "--no-report").Code);
        Assert.Equal(0, cli.Run("demo", "--no-report").Code);
        var (_, list, _) = cli.Run("snapshots", "--format", "json");
        var latest = JsonDocument.Parse(list).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Max(StringComparer.Ordinal);
        var logs = Path.Combine(cli.Folder, "flow-logs");
        Argus.Synthetic.FlowLogs.SyntheticFlowLogs.Write(Argus.Synthetic.SyntheticPresets.Find("demo")!, 42, logs);

        var (code, output, error) = cli.Run("rule-usage", "--flow-logs", logs);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("Judged against", output);
        Assert.Contains($"Rule usage of snapshot {latest}", output);
    }
}
