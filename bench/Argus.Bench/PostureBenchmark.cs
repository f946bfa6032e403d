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

        // --accounts N / --interfaces N resize a preset, e.g. xlarge with 330,000 interfaces for a million resources.
        preset = preset with
        {
            Accounts = Arg(args, "--accounts") is { } accounts ? int.Parse(accounts, System.Globalization.CultureInfo.InvariantCulture) : preset.Accounts,
            NetworkInterfaces = Arg(args, "--interfaces") is { } interfaces ? int.Parse(interfaces, System.Globalization.CultureInfo.InvariantCulture) : preset.NetworkInterfaces,
        };
        Console.WriteLine($"preset {preset.Name} ({preset.Accounts} accounts, {preset.NetworkInterfaces:N0} interfaces), seed {seed}");

        var clock = Stopwatch.StartNew();
        var source = SyntheticEnvironment.Generate(preset, seed);
        var documents = source.ReadDocuments().ToList();
        var generated = clock.Elapsed;
        var bytes = documents.Sum(d => (long)d.Json.Length);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var pauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        clock.Restart();
        var scan = PostureEngine.Default.Scan(documents, source.Gaps, source.Header.StartedAt!.Value, source.Header.Scopes);
        var scanned = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        var gcs = $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}";
        var resources = scan.Results.Select(r => r.ResourceId).Distinct(StringComparer.Ordinal).Count();

        var process = Process.GetCurrentProcess();
        Console.WriteLine($"documents   {documents.Count,12:N0} ({bytes / 1048576.0:N0} MB of JSON, generated in {generated.TotalSeconds:N1} s)");
        Console.WriteLine($"checks      {scan.ChecksRun.Count,12:N0}");
        Console.WriteLine($"results     {scan.Results.Count,12:N0}");
        Console.WriteLine($"resources   {resources,12:N0}");
        Console.WriteLine($"seconds     {scanned.TotalSeconds,12:N1}");
        Console.WriteLine($"cpu seconds {cpu.TotalSeconds,12:N1} (scan only; the machine may be shared)");
        Console.WriteLine($"gc pause s  {pause.TotalSeconds,12:N1} (gen0/1/2 collections {gcs})");
        Console.WriteLine($"results/s   {scan.Results.Count / scanned.TotalSeconds,12:N0}");
        Console.WriteLine($"peak MB     {process.PeakWorkingSet64 / 1048576.0,12:N0} (documents held in memory included)");

        // --repeat N: the same scan again N times, with the JIT warm (what a long-running server would see).
        for (var i = 0; i < int.Parse(Arg(args, "--repeat") ?? "0", System.Globalization.CultureInfo.InvariantCulture); i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            PostureEngine.Default.Scan(documents, source.Gaps, source.Header.StartedAt!.Value, source.Header.Scopes);
            Console.WriteLine($"again       {clock.Elapsed.TotalSeconds,12:N1} s, {(Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds:N1} cpu s");
        }

        // --digest FILE: results counted by check and status, and a hash of every result, to compare two builds.
        if (Arg(args, "--digest") is { } digest)
        {
            File.WriteAllLines(digest, PostureDigest.Lines(scan.Results));
            Console.WriteLine($"digest      {digest}");
        }

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
