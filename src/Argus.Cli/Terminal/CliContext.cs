namespace Argus.Cli.Terminal;

/// <summary>
/// Where a command writes. Tables and progress are drawn only when stdout/stderr are terminals; redirected
/// output is plain text that scripts and diff tools can read.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive)
{
    public static CliContext For(TextWriter stdout, TextWriter stderr)
    {
        var interactive = ReferenceEquals(stdout, Console.Out)
            && !Console.IsOutputRedirected
            && !Console.IsErrorRedirected
            && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb")
            && Environment.GetEnvironmentVariable("CI") is not ("true" or "1");
        return new CliContext(stdout, stderr, interactive);
    }
}
