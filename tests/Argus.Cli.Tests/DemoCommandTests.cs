namespace Argus.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_imports_the_organization_prints_a_summary_and_writes_the_report()
    {
        using var cli = new CliRun();
        var report = Path.Combine(cli.Folder, "report.html");

        var (code, output, error) = cli.Run("demo", "--report", report);

        Assert.True(code == 0, error);
        Assert.Contains("Imported snapshot snap-", output);
        Assert.Contains("EC2 instances", output);
        Assert.Contains("Coverage gaps (1)", output);
        Assert.Contains("needs ec2:DescribeFlowLogs", output);
        Assert.Contains("HTML report: " + report, output);
        Assert.Contains("CIS Amazon Web Services Foundations Benchmark v7.0.0:", output);
        Assert.Contains("Internet exposure", output);
        Assert.Contains("Rule usage over", output);
        var html = File.ReadAllText(report);
        Assert.Contains("<title>Argus report", html);
        Assert.Contains("aws.ec2.security-group", html);
        Assert.Contains("CIS Amazon Web Services Foundations Benchmark v7.0.0", html);
        Assert.Contains("Internet exposure", html);
        Assert.Contains("i-06ae9b39c3037a85a", html);
        Assert.Contains("Security group rule usage", html);

        // Self-contained: nothing is fetched from anywhere when the report is opened.
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void Running_the_demo_twice_keeps_both_snapshots_and_they_do_not_differ()
    {
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("demo", "--no-report").Code);
        Assert.Equal(0, cli.Run("demo", "--no-report").Code);

        var (_, list, _) = cli.Run("snapshots", "--format", "json");
        var ids = System.Text.Json.JsonDocument.Parse(list).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, ids.Count);

        var (code, diff, _) = cli.Run("diff", ids[1], ids[0]);
        Assert.Equal(0, code);
        Assert.Contains("0 appeared, 0 disappeared, 0 changed", diff);
    }
}
