using System.Text.Json;

namespace Argus.Cli.Tests;

public sealed class OnboardingCommandTests
{
    [Fact]
    public void Permissions_json_groups_by_feature()
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run("permissions", "--features", "vuln.vm-scan", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var feature = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("vuln.vm-scan", feature.GetProperty("feature").GetString());
        Assert.Contains(feature.GetProperty("permissions").EnumerateArray(), p => p.GetProperty("action").GetString() == "ec2:CreateSnapshot" && p.GetProperty("access").GetString() == "write");
    }

    [Fact]
    public void Unknown_features_fail_listing_the_valid_ones()
    {
        using var cli = new CliRun();

        var (code, _, error) = cli.Run("onboarding", "aws", "--features", "posture,nope");

        Assert.NotEqual(0, code);
        Assert.Contains("'nope'", error);
        Assert.Contains("remediation.security-groups", error);
    }

    [Fact]
    public void The_default_policy_is_read_only_JSON()
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run("onboarding", "aws");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.DoesNotContain("ec2:CreateSnapshot", output);
        Assert.Contains("ec2:DescribeSecurityGroups", output);
    }

    [Fact]
    public void A_template_without_an_external_id_gets_a_random_one_announced_on_stderr()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Folder, "role.yaml");

        var (code, _, error) = cli.Run("onboarding", "aws", "--format", "cloudformation", "--trusted-account", "111122223333", "-o", file);

        Assert.Equal(0, code);
        var id = System.Text.RegularExpressions.Regex.Match(error, "external id: (argus-[0-9a-f]{32})").Groups[1].Value;
        Assert.NotEmpty(id);
        var template = File.ReadAllText(file);
        Assert.Contains($"Default: \"{id}\"", template);
        Assert.Contains("arn:aws:iam::111122223333:root", template);
    }

    [Fact]
    public void A_template_needs_someone_to_trust()
    {
        using var cli = new CliRun();

        var (code, _, error) = cli.Run("onboarding", "aws", "--format", "terraform");

        Assert.NotEqual(0, code);
        Assert.Contains("--trusted-account", error);
    }
}
