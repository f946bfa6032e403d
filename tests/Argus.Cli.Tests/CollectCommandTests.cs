using Argus.Aws.Tests.Client;
using Argus.Aws.Tests.Collection;

namespace Argus.Cli.Tests;

/// <summary>Tests that set AWS environment variables, which are process-wide: they run alone.</summary>
[CollectionDefinition(nameof(AwsEnvironment), DisableParallelization = true)]
public sealed class AwsEnvironment;

[Collection(nameof(AwsEnvironment))]
public sealed class CollectCommandTests
{
    [Fact]
    public void Collect_aws_stores_a_snapshot_reports_its_gaps_and_exports_a_bundle()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        using var cli = new CliRun();
        var bundle = Path.Combine(cli.Folder, "collected.tar.gz");

        var (code, output, error) = AwsEnvironmentVariables.With(
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = server.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = "AKIDCLITEST",
                ["AWS_SECRET_ACCESS_KEY"] = "cli-test-secret-never-printed",
            },
            () => cli.Run("collect", "aws", "--label", "live test", "--bundle", bundle, "--rate", "200"));

        Assert.True(code == 0, output + error);
        Assert.Contains("Imported snapshot", output);
        Assert.Contains("2 coverage gaps", output);
        Assert.DoesNotContain("could not read", output);
        Assert.Contains($"{FakeAwsAccount.AccountId} eu-west-1 ec2:DescribeSubnets: AccessDenied, needs ec2:DescribeSubnets", output);
        Assert.Contains("ap-east-1 ec2:DescribeRegions: RegionDisabled", output);
        Assert.DoesNotContain("cli-test-secret-never-printed", output + error);
        Assert.True(File.Exists(bundle));

        var (listed, snapshots, _) = cli.Run("inventory", "--type", "aws.s3.bucket");
        Assert.Equal(0, listed);
        Assert.Contains("logs-111122223333", snapshots);
        Assert.Contains("site-111122223333", snapshots);
    }

    [Fact]
    public void Scan_aws_collects_then_records_posture_and_exposure_findings_and_writes_the_report()
    {
        var account = new FakeAwsAccount();
        using var server = new LocalAwsServer(account.Handle);
        using var cli = new CliRun();
        var report = Path.Combine(cli.Folder, "scan.html");

        var (code, output, error) = AwsEnvironmentVariables.With(
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = server.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = "AKIDCLITEST",
                ["AWS_SECRET_ACCESS_KEY"] = "cli-test-secret-never-printed",
            },
            () => cli.Run("scan", "aws", "--rate", "200", "--report", report, "--fail-on", "low"));

        Assert.True(code == ExitCodes.FindingsAtOrAbove, output + error);
        Assert.Contains("Imported snapshot", output);
        Assert.Contains("CIS Amazon Web Services Foundations Benchmark v7.0.0:", output);
        Assert.Contains("Posture: ", output);
        Assert.Contains("failed finding(s) at severity low or higher", error);
        Assert.DoesNotContain("cli-test-secret-never-printed", output + error);
        Assert.Contains("Internet exposure", File.ReadAllText(report));

        // The denied DescribeSubnets is never a pass: the checks that need it say which permission is missing.
        var (listed, findings, _) = cli.Run("findings", "--format", "json");
        Assert.Equal(0, listed);
        Assert.Contains("\"Fail\"", findings, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Collect_aws_without_working_credentials_stores_nothing_and_says_why()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>", 403));
        using var cli = new CliRun();

        var (code, _, error) = AwsEnvironmentVariables.With(
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = server.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = "AKIDBAD",
                ["AWS_SECRET_ACCESS_KEY"] = "bad-secret-never-printed",
            },
            () => cli.Run("collect", "aws", "--regions", "eu-west-1"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("cannot identify the AWS account", error);
        Assert.Contains("InvalidClientTokenId", error);
        Assert.DoesNotContain("bad-secret-never-printed", error);
        using var store = Argus.Storage.StoreFactory.Open(cli.Db);
        Assert.Empty(store.ListSnapshots());
    }
}
