namespace Argus.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("import")]
    [InlineData("export")]
    [InlineData("snapshots")]
    [InlineData("inventory")]
    [InlineData("diff")]
    [InlineData("permissions")]
    [InlineData("onboarding")]
    [InlineData("doctor")]
    [InlineData("doctor aws")]
    [InlineData("collect aws")]
    public void Every_command_explains_itself_with_examples(string command)
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Examples:", output);
        Assert.Contains("argus " + command, output);
        Assert.Contains("--db", output);
    }

    [Fact]
    public void Root_help_lists_every_command_on_one_line_each()
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "demo", "import", "export", "snapshots", "inventory", "diff", "permissions", "onboarding", "doctor", "collect" })
        {
            Assert.Matches($@"(?m)^  {command} +\S.*\.$", output);
        }

        Assert.DoesNotContain("Examples:", output);
        Assert.Contains("--db", output);
    }
}
