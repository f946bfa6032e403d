using System.Diagnostics;
using Argus.Core.Model;
using Argus.Network.Exposure;
using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Argus.Synthetic;

namespace Argus.Bench;

/// <summary>
/// The network engine on a synthetic preset: model build, full internet exposure, and reachability query latency
/// for random instance pairs (p50, p99), with peak memory. Documents are generated first and kept in memory, so the
/// build is measured alone.
/// </summary>
public static class NetworkBenchmark
{
    public static int Run(string[] args)
    {
        var presetName = Arg(args, "--preset") ?? "large";
        var seed = int.Parse(Arg(args, "--seed") ?? "42", System.Globalization.CultureInfo.InvariantCulture);
        var queries = int.Parse(Arg(args, "--queries") ?? "2000", System.Globalization.CultureInfo.InvariantCulture);
        var preset = SyntheticPresets.Find(presetName) ?? throw new ArgumentException($"unknown preset {presetName}");
        Console.WriteLine($"preset {preset.Name}, seed {seed}, {queries:N0} queries");

        // Wall time and the process's CPU time: on a shared machine the second is the steadier measure.
        var clock = Stopwatch.StartNew();
        var cpu = new CpuClock();
        var source = SyntheticEnvironment.Generate(preset, seed);
        var documents = source.ReadDocuments().ToList();
        var gaps = source.Gaps;
        Console.WriteLine($"generate   {clock.Elapsed.TotalSeconds,10:N2} s  cpu {cpu.Lap(),8:N2} s  {documents.Count:N0} documents");

        clock.Restart();
        var model = NetworkModel.Build(documents, gaps);
        var build = clock.Elapsed;
        documents = null;
        Console.WriteLine($"build      {build.TotalSeconds,10:N2} s  cpu {cpu.Lap(),8:N2} s  {model.Interfaces.Count:N0} interfaces, {model.Instances.Count:N0} instances, {model.Vpcs.Count:N0} VPCs");

        clock.Restart();
        var report = ExposureAnalyzer.Analyze(model);
        var findings = ExposureFindings.From(report);
        Console.WriteLine($"exposure   {clock.Elapsed.TotalSeconds,10:N2} s  cpu {cpu.Lap(),8:N2} s  {report.InterfacesExamined:N0} interfaces, {report.Interfaces.Count:N0} exposed addresses, " +
            $"{report.LoadBalancers.Count:N0} internet-facing load balancers, {findings.Count:N0} findings");

        var instances = model.Instances.Values.Where(i => i.InterfaceIds.Count > 0 && model.Interfaces.ContainsKey(i.InterfaceIds[0])).Select(i => i.Id).ToArray();
        var random = new Random(seed);
        // Every protocol and port: the answer is the exact set, and more pairs get through to the return path.
        var traffic = TrafficSet.All;
        var latencies = new double[queries];
        var verdicts = new Dictionary<Verdict, int>();
        for (var i = 0; i < queries; i++)
        {
            var from = Endpoint.Parse(instances[random.Next(instances.Length)]);
            var to = Endpoint.Parse(instances[random.Next(instances.Length)]);
            var started = Stopwatch.GetTimestamp();
            var answer = ReachabilityAnalyzer.Query(model, from, to, traffic);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            verdicts[answer.Verdict] = verdicts.GetValueOrDefault(answer.Verdict) + 1;
        }

        Array.Sort(latencies);
        Console.WriteLine($"queries    cpu {cpu.Lap() / queries * 1000,8:N3} ms per query");
        Console.WriteLine($"query p50  {Percentile(latencies, 0.50),10:N3} ms");
        Console.WriteLine($"query p99  {Percentile(latencies, 0.99),10:N3} ms  ({string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Value:N0} {v.Key.ToString().ToLowerInvariant()}"))})");
        Console.WriteLine($"peak MB    {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,10:N0}");
        GC.KeepAlive(model);
        return 0;
    }

    private sealed class CpuClock
    {
        private TimeSpan last = Process.GetCurrentProcess().TotalProcessorTime;

        public double Lap()
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var lap = (now - last).TotalSeconds;
            last = now;
            return lap;
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
