using System.Diagnostics;
using System.Globalization;
using Argus.Bench.FakeKubernetes;
using Argus.Core.Model;
using Argus.Kubernetes.Checks;
using Argus.Kubernetes.Collection;
using Argus.Kubernetes.Objects;
using Argus.Storage;
using Argus.Storage.Import;
using Argus.Tests;
using k8s;

namespace Argus.Bench;

/// <summary>
/// A generated cluster (default 50,000 pods) served by the local Kubernetes API stand-in, collected with paging
/// into a SQLite store exactly as 'argus collect k8s' does, then read back and checked as 'argus scan k8s' does.
/// Prints each stage's seconds and the peak working set.
/// </summary>
public static class KubernetesBenchmark
{
    public static int Run(string[] args)
    {
        var pods = int.Parse(Arg(args, "--pods") ?? "50000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Arg(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
        var pageSize = int.Parse(Arg(args, "--page-size") ?? "500", CultureInfo.InvariantCulture);
        var db = Path.Combine(Path.GetTempPath(), $"argus-k8s-bench-{Environment.ProcessId}.db");
        var clock = Stopwatch.StartNew();
        var objects = SyntheticCluster.Generate(pods, seed);
        Console.WriteLine($"cluster      {objects.Count(o => o.Kind == "Pod"),12:N0} pods, {objects.Count,12:N0} objects, generated in {clock.Elapsed.TotalSeconds:N1} s");
        try
        {
            using var api = new FakeKubernetesApi(objects, concurrent: true);
            objects = null;
            GC.Collect();

            clock.Restart();
            Snapshot snapshot;
            using (var store = StoreFactory.Open(db))
            using (var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = api.Endpoint.ToString() }))
            {
                var collector = new KubernetesCollector(client, "bench", new KubernetesCollectionOptions { PageSize = pageSize });
                snapshot = new SnapshotImporter(store, [new Argus.Kubernetes.Normalization.KubernetesNormalizer()]).Import(collector).Snapshot;
            }

            var collect = clock.Elapsed.TotalSeconds;
            var total = collect;
            double checks;
            Console.WriteLine($"collect s    {collect,12:N1}   ({api.Requests.Count:N0} API calls, {snapshot.Counts.Documents:N0} documents, {snapshot.Counts.Assets:N0} assets, {snapshot.Counts.Relations:N0} relations stored)");

            clock.Restart();
            IReadOnlyList<CheckResult> results;
            int count;
            using (var store = StoreFactory.Open(db))
            {
                var clusters = SnapshotObjects.Read(store.ReadDocuments(snapshot.Id, new DocumentQuery(Provider: Provider.Kubernetes)), snapshot.Gaps);
                count = clusters.Sum(c => c.Count);
                var read = clock.Elapsed.TotalSeconds;
                var perCheck = new List<(string Id, double Seconds)>();
                var all = new List<CheckResult>();
                foreach (var check in KubernetesChecks.All)
                {
                    var started = clock.Elapsed.TotalSeconds;
                    all.AddRange(clusters.SelectMany(c => KubernetesCheckEngine.Run(c, [check])));
                    perCheck.Add((check.Metadata.Id, clock.Elapsed.TotalSeconds - started));
                }

                results = all;
                checks = clock.Elapsed.TotalSeconds - read;
                total += clock.Elapsed.TotalSeconds;
                Console.WriteLine($"read s       {read,12:N1}   ({count:N0} objects)");
                Console.WriteLine($"checks s     {checks,12:N1}   ({results.Count:N0} results, {results.Count(r => r.Status == FindingStatus.Fail):N0} failed; slowest: {string.Join(", ", perCheck.OrderByDescending(p => p.Seconds).Take(3).Select(p => $"{p.Id} {p.Seconds:N1} s"))})");
                clock.Restart();
                var update = store.RecordFindings(snapshot.Id, snapshot.StartedAt, KubernetesChecks.All.Select(c => c.Metadata.Id).ToList(), [new Scope(Provider.Kubernetes, "bench", "*")], results);
                Console.WriteLine($"record s     {clock.Elapsed.TotalSeconds,12:N1}   ({update.New:N0} findings)");
                total += clock.Elapsed.TotalSeconds;
            }

            Console.WriteLine($"total s      {total,12:N1}   (collect, read, check, record; generation excluded)");
            Console.WriteLine($"peak MB      {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0,12:N0}   (includes the stand-in server's objects)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
