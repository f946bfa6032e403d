using Argus.Aws.Tests.Client;
using Argus.Aws.Tests.Collection;

namespace Argus.Cli.Tests;

/// <summary>How 'argus collect aws' reaches AWS: profile and per-service endpoints, MFA for the role, the org bound.</summary>
[Collection(nameof(AwsEnvironment))]
public sealed class CollectAccessTests
{
    [Fact]
    public void A_service_endpoint_variable_wins_over_the_general_one_for_that_service_only()
    {
        var account = new FakeAwsAccount();
        using var general = new LocalAwsServer(account.Handle);
        using var ec2 = new LocalAwsServer(account.Handle);
        using var cli = new CliRun();

        var (code, output, error) = AwsEnvironmentVariables.With(
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = general.Endpoint.ToString(),
                ["AWS_ENDPOINT_URL_EC2"] = ec2.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = "AKIDCLITEST",
                ["AWS_SECRET_ACCESS_KEY"] = "cli-test-secret",
            },
            () => cli.Run("collect", "aws", "--regions", "eu-west-1", "--rate", "500"));

        Assert.True(code == 0, output + error);
        Assert.NotEmpty(ec2.Requests);
        Assert.All(ec2.Requests, r => Assert.Contains("/ec2/aws4_request", r.Headers["authorization"], StringComparison.Ordinal));
        Assert.DoesNotContain(general.Requests, r => r.Headers["authorization"].Contains("/ec2/aws4_request", StringComparison.Ordinal));
        Assert.Contains(general.Requests, r => r.Headers["authorization"].Contains("/iam/aws4_request", StringComparison.Ordinal));
    }

    [Fact]
    public void The_mfa_code_is_sent_for_the_role_and_never_printed()
    {
        using var server = new LocalAwsServer(_ => Answer.Xml(
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>MultiFactorAuthentication failed with invalid MFA one time pass code.</Message></Error></ErrorResponse>", 403));
        using var cli = new CliRun();

        var (code, output, error) = AwsEnvironmentVariables.With(
            new Dictionary<string, string?>
            {
                ["AWS_ENDPOINT_URL"] = server.Endpoint.ToString(),
                ["AWS_ACCESS_KEY_ID"] = "AKIDCLITEST",
                ["AWS_SECRET_ACCESS_KEY"] = "cli-test-secret",
            },
            () => cli.Run("collect", "aws", "--regions", "eu-west-1", "--role-arn", "arn:aws:iam::111122223333:role/ArgusReadOnly",
                "--mfa-serial", "arn:aws:iam::999999999999:mfa/auditor", "--token-code", "482913"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("AccessDenied", error);
        var assume = Assert.Single(server.Requests);
        Assert.Equal(("AssumeRole", "arn:aws:iam::999999999999:mfa/auditor", "482913"), (assume.Form["Action"], assume.Form["SerialNumber"], assume.Form["TokenCode"]));
        Assert.DoesNotContain("482913", output + error);
    }

    [Theory]
    [InlineData("--mfa-serial", "arn:aws:iam::999999999999:mfa/auditor")]
    [InlineData("--token-code", "482913")]
    public void Half_an_mfa_is_refused_before_any_call(string option, string value)
    {
        using var cli = new CliRun();

        var (code, output, error) = cli.Run("collect", "aws", "--role-arn", "arn:aws:iam::111122223333:role/ArgusReadOnly", option, value);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--mfa-serial and --token-code go together", error);
        Assert.DoesNotContain("482913", output + error);
    }

    [Fact]
    public void The_parallel_account_bound_must_be_positive()
    {
        using var cli = new CliRun();

        var (code, _, error) = cli.Run("collect", "aws", "--org", "--max-parallel-accounts", "0");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--max-parallel-accounts", error);
    }
}
