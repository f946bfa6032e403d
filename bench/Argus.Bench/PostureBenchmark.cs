using System.Diagnostics;
using Argus.Posture.Engine;
using Argus.Synthetic;

namespace Argus.Bench;

/// <summary>
/// Generates a synthetic preset's raw documents into memory, then times the posture engine over them (index,
/// parse on demand, every check in parallel); prints results, distinct resources, seconds and peak memory.
/// </summary>
public static class PostureBenchmark
{
    public static int Run(string[] args)
    {
        var name = Arg(args, "--preset") ?? "large";
        var seed = int.Parse(Arg(args, "--seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture);
        var preset = SyntheticPresets.Find(name) ?? throw new ArgumentException($"unknown preset {name}");
        Console.WriteLine($"preset {preset.Name}, seed {seed}");

        var clock = Stopwatch.StartNew();
        var source = SyntheticEnvironment.Generate(preset, seed);
        var documents = source.ReadDocuments().ToList();
        var generated = clock.Elapsed;
        var bytes = documents.Sum(d => (long)d.Json.Length);

        clock.Restart();
        var scan = PostureEngine.Default.Scan(documents, source.Gaps, source.Header.StartedAt!.Value, source.Header.Scopes);
        var scanned = clock.Elapsed;
        var resources = scan.Results.Select(r => r.ResourceId).Distinct(StringComparer.Ordinal).Count();

        var process = Process.GetCurrentProcess();
        Console.WriteLine($"documents   {documents.Count,12:N0} ({bytes / 1048576.0:N0} MB of JSON, generated in {generated.TotalSeconds:N1} s)");
        Console.WriteLine($"checks      {scan.ChecksRun.Count,12:N0}");
        Console.WriteLine($"results     {scan.Results.Count,12:N0}");
        Console.WriteLine($"resources   {resources,12:N0}");
        Console.WriteLine($"seconds     {scanned.TotalSeconds,12:N1}");
        Console.WriteLine($"results/s   {scan.Results.Count / scanned.TotalSeconds,12:N0}");
        Console.WriteLine($"peak MB     {process.PeakWorkingSet64 / 1048576.0,12:N0} (documents held in memory included)");

        // --per-check: each check alone on one shared context (documents already parsed by the first pass), slowest first.
        if (args.Contains("--per-check"))
        {
            using var context = new PostureContext(documents, source.Gaps, source.Header.StartedAt!.Value, source.Header.Scopes);
            PostureEngine.Default.Scan(context);
            var times = PostureEngine.Default.Checks.All
                .Select(c => (c.Id, Seconds: PostureEngine.Default.Scan(context, only: [c.Id]).Elapsed.TotalSeconds))
                .OrderByDescending(t => t.Seconds)
                .Take(10);
            foreach (var (id, seconds) in times)
            {
                Console.WriteLine($"  {seconds,8:N2} s  {id}");
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
