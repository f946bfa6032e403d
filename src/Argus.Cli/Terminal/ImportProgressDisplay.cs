using Argus.Storage.Import;
using Spectre.Console;

namespace Argus.Cli.Terminal;

/// <summary>
/// Shows import progress: live bars on a terminal, one line per stage otherwise (so CI logs stay readable).
/// </summary>
public static class ImportProgressDisplay
{
    public static T Run<T>(CliContext context, string what, Func<IProgress<ImportProgress>, T> work)
    {
        if (!context.Interactive)
        {
            context.Error.WriteLine($"{what}...");
            return work(new PlainProgress(context.Error));
        }

        T result = default!;
        Consoles.For(context.Error).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var read = ctx.AddTask("Reading documents", maxValue: 1);
                read.IsIndeterminate = true;
                var normalize = ctx.AddTask("Normalizing", autoStart: false);
                var commit = ctx.AddTask("Committing", autoStart: false, maxValue: 1);
                result = work(new LiveProgress(read, normalize, commit));
            });
        return result;
    }

    private sealed class PlainProgress(TextWriter error) : IProgress<ImportProgress>
    {
        private ImportStage? stage;

        public void Report(ImportProgress value)
        {
            if (stage == value.Stage)
            {
                return;
            }

            stage = value.Stage;
            error.WriteLine(value.Stage switch
            {
                ImportStage.ReadingDocuments => "  reading raw documents",
                ImportStage.Normalizing => $"  normalizing {value.Total} account/region groups",
                _ => "  committing",
            });
        }
    }

    private sealed class LiveProgress(ProgressTask read, ProgressTask normalize, ProgressTask commit) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            switch (value.Stage)
            {
                case ImportStage.ReadingDocuments:
                    read.Description = $"Reading documents ({value.Done:N0})";
                    if (value.Total is not null)
                    {
                        read.IsIndeterminate = false;
                        read.Value = read.MaxValue;
                        read.StopTask();
                    }

                    break;
                case ImportStage.Normalizing:
                    if (!normalize.IsStarted)
                    {
                        normalize.MaxValue = Math.Max(1, value.Total ?? 1);
                        normalize.StartTask();
                    }

                    normalize.Value = value.Done;
                    normalize.Description = $"Normalizing {Markup.Escape(value.Current)}";
                    break;
                default:
                    normalize.Value = normalize.MaxValue;
                    normalize.Description = "Normalized";
                    normalize.StopTask();
                    commit.StartTask();
                    commit.Value = 1;
                    break;
            }
        }
    }
}
