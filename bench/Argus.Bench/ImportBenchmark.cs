using System.Diagnostics;
using Argus.Aws.Normalization;
using Argus.Storage;
using Argus.Storage.Import;
using Argus.Synthetic;

namespace Argus.Bench;

/// <summary>
/// Generates a synthetic organization and imports it through the real pipeline (store raw documents, read them
/// back, normalize, commit) into a fresh store; prints seconds, throughput and peak memory.
/// </summary>
public static class ImportBenchmark
{
    public static int Run(string[] args)
    {
        var presetName = Arg(args, "--preset") ?? "large";
        var seed = int.Parse(Arg(args, "--seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture);
        var preset = SyntheticPresets.Find(presetName) ?? throw new ArgumentException($"unknown preset {presetName}");
        var db = Arg(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"argus-bench-{Environment.ProcessId}.db");
        var keep = args.Contains("--keep");

        Console.WriteLine($"preset {preset.Name}, seed {seed}, store {(db.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? "postgresql" : db)}");
        var clock = Stopwatch.StartNew();
        ImportResult result;
        using (var store = StoreFactory.Open(db))
        {
            var importer = new SnapshotImporter(store, [new AwsNormalizer()]);
            var source = SyntheticEnvironment.Generate(preset, seed);
            result = importer.Import(source, new StageTimer(clock));
        }

        clock.Stop();
        var process = Process.GetCurrentProcess();
        var counts = result.Snapshot.Counts;
        Console.WriteLine($"documents  {counts.Documents,12:N0}");
        Console.WriteLine($"assets     {counts.Assets,12:N0}");
        Console.WriteLine($"relations  {counts.Relations,12:N0}");
        Console.WriteLine($"seconds    {clock.Elapsed.TotalSeconds,12:N1}");
        Console.WriteLine($"assets/s   {counts.Assets / clock.Elapsed.TotalSeconds,12:N0}");
        Console.WriteLine($"peak MB    {process.PeakWorkingSet64 / 1048576.0,12:N0}");
        if (!keep && File.Exists(db))
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(f);
            }
        }

        return 0;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class StageTimer(Stopwatch clock) : IProgress<ImportProgress>
    {
        private ImportStage? stage;

        public void Report(ImportProgress value)
        {
            if (stage != value.Stage)
            {
                stage = value.Stage;
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:N1} s  {value.Stage}");
            }
        }
    }
}
