namespace Argus.Cli.Tests;

/// <summary>
/// Runs a CLI call with the AWS environment variables set as given and every other one Argus reads cleared, then
/// restores them. The variables are process-wide, so tests using this belong to the <see cref="AwsEnvironment"/>
/// collection.
/// </summary>
internal static class AwsEnvironmentVariables
{
    private static readonly string[] Names =
    [
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_EC2", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
        "AWS_REGION", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    ];

    public static T With<T>(IReadOnlyDictionary<string, string?> values, Func<T> run)
    {
        var saved = Names.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in Names)
            {
                Environment.SetEnvironmentVariable(name, values.GetValueOrDefault(name));
            }

            return run();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    /// <summary>Runs the CLI against one local AWS endpoint with test access keys.</summary>
    public static (int Code, string Output, string Error) RunAgainst(Uri endpoint, CliRun cli, params string[] args) => With(
        new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = "AKIDCLITEST",
            ["AWS_SECRET_ACCESS_KEY"] = "cli-test-secret",
        },
        () => cli.Run(args));
}
