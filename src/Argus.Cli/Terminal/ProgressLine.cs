using System.Diagnostics;
using Spectre.Console;

namespace Argus.Cli.Terminal;

/// <summary>
/// One step of unknown length: a spinner on a terminal, a plain line otherwise; either way the time it took.
/// </summary>
public static class ProgressLine
{
    public static T Run<T>(CliContext context, string what, Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        T result;
        if (context.Interactive)
        {
            result = Consoles.For(context.Error).Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(what) + "...", _ => work());
        }
        else
        {
            context.Error.WriteLine($"{what}...");
            result = work();
        }

        context.Error.WriteLine($"  {what}: done in {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}
