namespace Argus.Cli;

/// <summary>An error the user can fix, reported as one clear line and an exit code, without a stack trace.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
