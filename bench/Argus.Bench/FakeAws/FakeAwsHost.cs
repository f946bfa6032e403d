using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Argus.Core.Model;
using Argus.Synthetic;

namespace Argus.Bench.FakeAws;

/// <summary>
/// The child side of <see cref="FakeAwsProcess"/> (<c>collect-fake</c>): generates the preset, renders every answer,
/// serves them, and talks to the benchmark over standard input and output, one line each way: <c>ready</c> with the
/// endpoint and the accounts' regions, then <c>start</c> and <c>stop</c> around the timed part, answered with its
/// counts and its own CPU seconds between the two.
/// </summary>
internal static class FakeAwsHost
{
    public static int Run(string[] args)
    {
        var preset = SyntheticPresets.Find(Arg(args, "--preset") ?? "medium") ?? throw new ArgumentException("unknown preset");
        var seed = int.Parse(Arg(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
        var rate = double.Parse(Arg(args, "--rate") ?? "10", CultureInfo.InvariantCulture);
        var latency = (int.Parse(Arg(args, "--latency-min") ?? "20", CultureInfo.InvariantCulture), int.Parse(Arg(args, "--latency-max") ?? "50", CultureInfo.InvariantCulture));

        var index = SyntheticAwsServer.Index(SyntheticEnvironment.Generate(preset, seed));
        var accounts = index.Keys.GroupBy(k => k.Account).ToDictionary(g => g.Key,
            g => g.Select(k => k.Region).Where(r => r != Regions.Global).Distinct().Order(StringComparer.Ordinal).ToList());
        using var server = new SyntheticAwsServer(index, rate, latency);
        var self = Process.GetCurrentProcess();
        Console.WriteLine($"ready {server.Endpoint} {index.Count} {JsonSerializer.Serialize(accounts)}");
        var cpu = TimeSpan.Zero;
        var paused = TimeSpan.Zero;
        var gen2 = 0;
        var startedAt = 0L;
        while (Console.ReadLine() is { } line)
        {
            self.Refresh();
            switch (line)
            {
                case "start":
                    cpu = self.TotalProcessorTime;
                    paused = GC.GetTotalPauseDuration();
                    gen2 = GC.CollectionCount(2);
                    startedAt = Environment.TickCount64;
                    Console.WriteLine("started");
                    break;
                case "stop":
                    var busiest = server.Answered.MaxBy(a => a.Value);
                    Console.WriteLine(JsonSerializer.Serialize(new FakeAwsStats(server.Answered.Values.Sum(), server.Throttled, server.EmptyAnswers,
                        busiest.Key.Account, busiest.Key.Region, busiest.Value, (self.TotalProcessorTime - cpu).TotalSeconds, self.PeakWorkingSet64,
                        (GC.GetTotalPauseDuration() - paused).TotalSeconds, GC.CollectionCount(2) - gen2, server.Stragglers(startedAt, 5))));
                    break;
                default:
                    Console.Error.WriteLine($"collect-fake: unknown command {line}");
                    return 2;
            }
        }

        return 0;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
