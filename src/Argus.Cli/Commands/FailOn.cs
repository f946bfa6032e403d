using Argus.Cli.Terminal;
using Argus.Core.Model;

namespace Argus.Cli.Commands;

/// <summary>'--fail-on SEVERITY' for pipelines: one rule and one exit code for every command that offers it.</summary>
public static class FailOn
{
    /// <summary><see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.FindingsAtOrAbove"/> when a failure (not a muted one) reaches the threshold.</summary>
    public static int ExitCode(CliContext context, IEnumerable<CheckResult> results, Severity? threshold)
    {
        if (threshold is not { } minimum)
        {
            return ExitCodes.Ok;
        }

        var failing = results.Count(r => r.Status == FindingStatus.Fail && r.Severity >= minimum);
        if (failing == 0)
        {
            return ExitCodes.Ok;
        }

        context.Error.WriteLine($"{failing} failed finding(s) at severity {minimum.ToString().ToLowerInvariant()} or higher (--fail-on).");
        return ExitCodes.FindingsAtOrAbove;
    }
}
