using Argus.Cli.Terminal;
using Argus.Vulnerability.Osv.Export;
using Spectre.Console;

namespace Argus.Cli.Commands;

/// <summary>
/// Shows 'argus osv update' as it goes: a bar per ecosystem with bytes and speed on a terminal, one line per
/// finished ecosystem otherwise (so CI logs stay readable).
/// </summary>
public static class OsvDownloadDisplay
{
    public static IReadOnlyList<OsvEcosystemUpdate> Run(
        CliContext context, IReadOnlyList<string> ecosystems, Func<string, IProgress<OsvDownloadProgress>?, OsvEcosystemUpdate> download)
    {
        var results = new List<OsvEcosystemUpdate>();
        if (!context.Interactive)
        {
            foreach (var ecosystem in ecosystems)
            {
                var result = download(ecosystem, null);
                context.Error.WriteLine(result.Succeeded
                    ? $"  {ecosystem}: {result.Records:N0} records, {result.Bytes:N0} bytes"
                    : $"  {ecosystem}: failed (below)");
                results.Add(result);
            }

            return results;
        }

        Consoles.For(context.Error).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .Start(ctx =>
            {
                var tasks = ecosystems.ToDictionary(e => e, e => ctx.AddTask(Markup.Escape(e), autoStart: false, maxValue: 1));
                foreach (var ecosystem in ecosystems)
                {
                    var task = tasks[ecosystem];
                    task.StartTask();
                    task.IsIndeterminate = true;
                    var result = download(ecosystem, new LiveProgress(task));
                    task.IsIndeterminate = false;
                    if (result.Succeeded)
                    {
                        task.MaxValue = Math.Max(1, result.Bytes);
                        task.Value = task.MaxValue;
                    }
                    else
                    {
                        task.Description = $"[red]{Markup.Escape(ecosystem)}: failed[/]";
                    }

                    task.StopTask();
                    results.Add(result);
                }
            });
        return results;
    }

    private sealed class LiveProgress(ProgressTask task) : IProgress<OsvDownloadProgress>
    {
        public void Report(OsvDownloadProgress value)
        {
            if (value.Total is { } total && total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
            }

            task.Value = value.Bytes;
        }
    }
}
