using System.Diagnostics;
using Argus.Cli.Terminal;
using Argus.Network.FlowLogs;
using Spectre.Console;

namespace Argus.Cli.Commands;

/// <summary>Progress of a long flow-log read: a live status line on a terminal, a line every few seconds otherwise.</summary>
public static class FlowLogProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static T Run<T>(CliContext context, string what, Func<IProgress<FlowLogProgress>, T> work)
    {
        if (!context.Interactive)
        {
            context.Error.WriteLine($"{what}...");
            return work(new PlainProgress(context.Error));
        }

        T result = default!;
        Consoles.For(context.Error).Status().Start(what, status =>
        {
            result = work(new LiveProgress(status));
        });
        return result;
    }

    private static string Describe(FlowLogProgress p) =>
        $"{p.InputsRead:N0} file(s), {p.BytesRead / 1048576.0:N1} MiB, {p.Records:N0} records, {p.MalformedLines:N0} malformed lines";

    private sealed class PlainProgress(TextWriter error) : IProgress<FlowLogProgress>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public void Report(FlowLogProgress value)
        {
            if (clock.Elapsed >= PlainInterval)
            {
                clock.Restart();
                error.WriteLine($"  {Describe(value)}; reading {value.Current}");
            }
        }
    }

    private sealed class LiveProgress(StatusContext status) : IProgress<FlowLogProgress>
    {
        public void Report(FlowLogProgress value) =>
            status.Status(Markup.Escape($"{Describe(value)}{(value.Current.Length > 0 ? " - " + value.Current : "")}"));
    }
}
