using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Collection;
using Argus.Aws.Operations;
using Argus.Aws.Permissions;
using Argus.Bench.FakeAws;
using Argus.Core.Model;
using Argus.Synthetic;

namespace Argus.Bench;

/// <summary>
/// Collects a synthetic organization from a local fake AWS with per-(account, region) rate limits and latency,
/// one <see cref="AwsCollector"/> per account, all accounts in parallel; prints wall time against the ideal,
/// throttled answers, the CPU seconds and peak memory of the collector and of the fake (a process of its own), and
/// which documents collected are missing, extra or differ from the preset's (printed for the reader to judge, not
/// failing the run: the collector skips AWS-managed prefix lists by design).
/// </summary>
public static class CollectBenchmark
{
    public static int Run(string[] args)
    {
        var presetName = Arg(args, "--preset") ?? "medium";
        var seed = int.Parse(Arg(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
        var rate = double.Parse(Arg(args, "--rate") ?? "10", CultureInfo.InvariantCulture);
        var latency = (Min: int.Parse(Arg(args, "--latency-min") ?? "20", CultureInfo.InvariantCulture), Max: int.Parse(Arg(args, "--latency-max") ?? "50", CultureInfo.InvariantCulture));
        // The collector's own limit; below the server's it leaves room for the jitter of arrivals.
        var clientRate = double.Parse(Arg(args, "--client-rate") ?? Arg(args, "--rate") ?? "10", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Arg(args, "--concurrency") ?? new AwsCollectionOptions().Concurrency.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var preset = SyntheticPresets.Find(presetName) ?? throw new ArgumentException($"unknown preset {presetName}");

        // The fake AWS renders every answer before it reports ready, in a process of its own: its CPU and memory are
        // measured apart from the collector's (both share the machine's cores, which AWS's servers would not).
        using var fake = FakeAwsProcess.Start(["--preset", preset.Name, "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--rate", rate.ToString(CultureInfo.InvariantCulture), "--latency-min", latency.Min.ToString(CultureInfo.InvariantCulture),
            "--latency-max", latency.Max.ToString(CultureInfo.InvariantCulture)]);
        Console.WriteLine($"preset {preset.Name}, seed {seed}: {fake.Accounts.Count} accounts, {fake.Documents:N0} documents; {rate} calls/s per account-region (collector {clientRate}), {latency.Min}-{latency.Max} ms latency");

        using var http = new HttpClient();
        var client = new AwsApiClient(http, AwsPermissionCatalog.Instance);
        using var collected = new DocumentSpill();
        var gaps = new ConcurrentBag<CoverageGap>();
        var self = Process.GetCurrentProcess();
        fake.StartClock();
        var cpu = self.TotalProcessorTime;
        var gcs = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes());
        var clock = Stopwatch.StartNew();
        // Each account read as the organization source reads its members: asynchronously, no thread blocked per account.
        var runs = fake.Accounts.Select(a => Task.Run(async () =>
        {
            var options = new AwsCollectionOptions { Regions = a.Value, Endpoint = fake.Endpoint, CallsPerSecond = clientRate, Concurrency = concurrency };
            var credentials = new BasicAWSCredentials("AKID" + a.Key, "fake-secret");
            var collector = await AwsCollector.ConnectAsync(client, credentials, options, null, CancellationToken.None).ConfigureAwait(false);
            await foreach (var d in collector.ReadDocumentsAsync(CancellationToken.None).ConfigureAwait(false))
            {
                collected.Add(new DocumentKey(d.Account, d.Region, d.Service, d.Operation, d.Resource), d.Json.Span);
            }

            foreach (var gap in collector.Gaps)
            {
                gaps.Add(gap);
            }
        })).ToArray();
        Task.WaitAll(runs);
        clock.Stop();
        var server = fake.StopClock();
        self.Refresh();
        // CPU seconds of each process while collecting: unlike wall time, hardly inflated by a busy machine.
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        var gc = (Gen0: GC.CollectionCount(0) - gcs.Gen0, Gen1: GC.CollectionCount(1) - gcs.Gen1, Gen2: GC.CollectionCount(2) - gcs.Gen2,
            Pause: GC.GetTotalPauseDuration() - gcs.Pause, Allocated: GC.GetTotalAllocatedBytes() - gcs.Allocated);
        // Before the preset is generated here for the comparison: the collector, its HTTP client and the documents it returned.
        var peak = self.PeakWorkingSet64;

        // The ideal: every account-region runs in parallel and each makes its calls at exactly the rate limit, so
        // the busiest one (global services are signed for the home region, so it is usually there) sets the time.
        // Its bucket starts full: the first `rate` calls are free, the rest come at `rate` a second.
        var ideal = Math.Max(server.BusiestCalls - rate, 0) / rate;
        var calls = server.Calls;
        Console.WriteLine($"calls        {calls,12:N0}");
        Console.WriteLine($"throttled    {server.Throttled,12:N0}");
        Console.WriteLine($"seconds      {clock.Elapsed.TotalSeconds,12:N1}");
        Console.WriteLine($"ideal s      {ideal,12:N1}   ({server.BusiestCalls} calls in {server.BusiestAccount}/{server.BusiestRegion} at {rate}/s)");
        Console.WriteLine($"ratio        {clock.Elapsed.TotalSeconds / ideal,12:N2}");
        Console.WriteLine($"cpu s        {cpuSeconds,12:N1}   collector ({cpuSeconds * 1000 / (calls + server.Throttled):N2} ms per request; {Environment.ProcessorCount} cores)");
        Console.WriteLine($"gc           {gc.Pause.TotalSeconds,12:N1}   s paused; {gc.Gen0}/{gc.Gen1}/{gc.Gen2} collections (gen 0/1/2), {gc.Allocated / 1048576.0:N0} MB allocated");
        Console.WriteLine($"fake cpu s   {server.CpuSeconds,12:N1}   fake AWS ({server.CpuSeconds * 1000 / (calls + server.Throttled):N2} ms per request; GC paused {server.GcPauseSeconds:N1} s, {server.Gen2Collections} gen 2)");
        foreach (var last in server.Stragglers)
        {
            Console.WriteLine($"last answered {last.LastAnswerSeconds,11:N1}   s: {last.Account}/{last.Region}, {last.Calls} calls, {last.Throttled} throttled");
        }

        if (server.Stragglers.FirstOrDefault() is { } first)
        {
            Console.WriteLine($"its pace                   requests per second: {string.Join(' ', first.PerSecond)}");
        }

        Console.WriteLine($"peak MB      {peak / 1048576.0,12:N0}   collector process ({collected.Bytes / 1048576.0:N0} MB of documents collected, spilled to a temporary file for the comparison)");
        Console.WriteLine($"fake peak MB {server.PeakBytes / 1048576.0,12:N0}   fake AWS process (the preset and its rendered answers)");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0],12}   (1 minute, at the end)");
        Console.WriteLine($"gaps         {gaps.Count,12:N0}");
        foreach (var group in gaps.GroupBy(g => (g.Service, g.Operation, g.Reason)).OrderByDescending(g => g.Count()).Take(5))
        {
            Console.WriteLine($"  {group.Count(),6} {group.Key.Service}:{group.Key.Operation} {group.Key.Reason}: {group.First().Message}");
        }

        var index = SyntheticAwsServer.Index(SyntheticEnvironment.Generate(preset, seed));
        Compare(index, collected, server.EmptyAnswers);
        return 0;
    }

    /// <summary>The documents collected against those the preset holds for the operations the collector calls.</summary>
    private static void Compare(Dictionary<DocumentKey, byte[]> index, DocumentSpill collected, long emptyAnswers)
    {
        var called = AwsOperations.All.Select(o => (o.Service, o.Operation)).ToHashSet();
        var expected = index.Keys.Where(k => called.Contains((k.Service, k.Operation))).ToHashSet();
        var got = collected.Keys.ToHashSet();
        var missing = expected.Where(k => !got.Contains(k)).ToList();
        var extra = got.Where(k => !expected.Contains(k)).ToList();
        Console.WriteLine($"documents    {got.Count,12:N0} collected, {expected.Count:N0} in the preset for the collector's operations");
        Console.WriteLine($"missing      {missing.Count,12:N0}");
        Console.WriteLine($"extra        {extra.Count,12:N0}   ({emptyAnswers:N0} answers empty for operations the preset does not generate)");
        // Through the wire and back: a document that differs from the preset's shows a rendering or reading fault.
        var differing = got.Where(k => index.TryGetValue(k, out var original) && collected.TryRead(k, out var json)
            && !JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(json))).ToList();
        Console.WriteLine($"differing    {differing.Count,12:N0}   (collected content not equal to the preset's)");
        foreach (var group in differing.GroupBy(k => (k.Service, k.Operation)).Take(10))
        {
            var first = group.First();
            collected.TryRead(first, out var json);
            var where = FirstDifference(JsonNode.Parse(index[first]), JsonNode.Parse(json), "$");
            Console.WriteLine($"  differs {group.Count(),6} {group.Key.Service}:{group.Key.Operation}, e.g. at {where}");
        }

        foreach (var group in missing.Concat(extra).GroupBy(k => (k.Service, k.Operation, Missing: !got.Contains(k))).Take(10))
        {
            Console.WriteLine($"  {(group.Key.Missing ? "missing" : "extra"),7} {group.Count(),6} {group.Key.Service}:{group.Key.Operation}");
        }
    }

    /// <summary>The JSON path where two documents first differ, with both values, for the reader to see the fault.</summary>
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!JsonNode.DeepEquals(e[key], a[key]))
                    {
                        return e.ContainsKey(key) && a.ContainsKey(key) ? FirstDifference(e[key], a[key], $"{path}.{key}") : $"{path}.{key} ({(e.ContainsKey(key) ? "missing" : "extra")})";
                    }
                }

                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    if (!JsonNode.DeepEquals(e[i], a[i]))
                    {
                        return FirstDifference(e[i], a[i], $"{path}[{i}]");
                    }
                }

                break;
        }

        return $"{path}: {Shorten(expected)} vs {Shorten(actual)}";
    }

    private static string Shorten(JsonNode? node) => node?.ToJsonString() is { Length: > 60 } text ? text[..60] + "..." : node?.ToJsonString() ?? "null";

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
