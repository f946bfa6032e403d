using System.Text.Json;
using Argus.Tests;

namespace Argus.Cli.Tests;

public sealed class PostureCommandTests
{
    private static CliRun DemoStore()
    {
        var cli = new CliRun();
        var (code, _, error) = cli.Run("demo", "--no-report");
        Assert.True(code == 0, error);
        return cli;
    }

    [Fact]
    public void Scan_records_findings_that_findings_and_compliance_read()
    {
        using var cli = DemoStore();
        var (code, output, error) = cli.Run("scan", "posture");
        Assert.True(code == 0, error);
        Assert.Contains("CIS Amazon Web Services Foundations Benchmark v7.0.0", output);
        Assert.Matches(@"Findings: \d+ new", output);

        var (fcode, json, ferror) = cli.Run("findings", "--check", "aws.ec2.imdsv2", "--format", "json");
        Assert.True(fcode == 0, ferror);
        var finding = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal("FAIL", finding.GetProperty("status").GetString());
        Assert.Equal("optional", finding.GetProperty("evidence").GetProperty("HttpTokens").GetString());

        var (ccode, table, cerror) = cli.Run("compliance", "--framework", "cis-aws-7.0");
        Assert.True(ccode == 0, cerror);
        Assert.Matches(@"6\.7\s+FAIL", table);
        Assert.Matches(@"2\.4\s+PASS", table);
    }

    [Fact]
    public void Fail_on_sets_the_exit_code_and_mutes_are_applied()
    {
        using var cli = DemoStore();
        var mutes = Path.Combine(cli.Folder, "mutes.yaml");
        File.WriteAllText(mutes, """
            mutes:
              - reason: accepted until the migration
                checks: [aws.s3.public-bucket-policy, aws.iam.root-mfa]
            """);
        Assert.Equal(5, cli.Run("scan", "posture", "--fail-on", "critical").Code);
        var (code, _, error) = cli.Run("scan", "posture", "--mute-rules", mutes, "--fail-on", "critical");
        Assert.True(code == 0, error);
        var (_, csv, _) = cli.Run("findings", "--status", "muted", "--format", "csv");
        Assert.Contains("accepted until the migration", csv);
    }

    [Fact]
    public void Bad_mute_rules_name_file_and_line()
    {
        using var cli = DemoStore();
        var mutes = Path.Combine(cli.Folder, "mutes.yaml");
        File.WriteAllText(mutes, "mutes:\n  - reason: x\n    checks: [aws.not-a-check]\n");
        var (code, _, error) = cli.Run("scan", "posture", "--mute-rules", mutes);
        Assert.Equal(2, code);
        Assert.Contains("mutes.yaml:3:", error);
    }

    [Fact]
    public void Findings_formats_are_valid()
    {
        using var cli = DemoStore();
        Assert.Equal(0, cli.Run("scan", "posture").Code);
        foreach (var format in new[] { "ocsf", "sarif", "asff", "json" })
        {
            var (code, text, error) = cli.Run("findings", "--severity", "high", "--format", format);
            Assert.True(code == 0, error);
            using var _ = JsonDocument.Parse(text);
        }
    }

    [Fact]
    public void Checks_lists_the_catalog_and_compliance_needs_a_scan()
    {
        // An imported folder that no posture scan has read yet (the demo now scans its snapshot itself).
        using var cli = new CliRun();
        Assert.Equal(0, cli.Run("import", TestPaths.Fixture("aws-network", "test-nat-gateway")).Code);
        var (code, output, _) = cli.Run("checks", "--framework", "cis-aws-3.0");
        Assert.Equal(0, code);
        Assert.Contains("aws.iam.root-mfa", output);
        Assert.Contains("cis-aws-3.0:1.5", output);
        var (ccode, _, error) = cli.Run("compliance", "--framework", "cis-aws-7.0");
        Assert.Equal(2, ccode);
        Assert.Contains("run 'argus scan posture", error);
        Assert.Equal(1, cli.Run("compliance", "--framework", "nist-800-53").Code);
    }
}
