using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Client.Model;
using Argus.Aws.Client.Protocols;
using Argus.Aws.Operations;
using Argus.Bench.FakeAws;
using Argus.Synthetic;

namespace Argus.Bench;

/// <summary>
/// Where the collector's CPU per request goes, apart from the network: every answer of a preset rendered in its wire
/// format as the fake AWS renders it, then read into the stored JSON (<c>ResponseReader.ReadUtf8</c>) and a request
/// signed for each, timed per protocol on one thread. The rest of <c>collect</c>'s CPU per request is HTTP, the
/// collector's own bookkeeping and the GC.
/// </summary>
public static class CollectParseBenchmark
{
    public static int Run(string[] args)
    {
        var presetName = Arg(args, "--preset") ?? "medium";
        var passes = int.Parse(Arg(args, "--passes") ?? "3", CultureInfo.InvariantCulture);
        var preset = SyntheticPresets.Find(presetName) ?? throw new ArgumentException($"unknown preset {presetName}");
        var index = SyntheticAwsServer.Index(SyntheticEnvironment.Generate(preset, 42));
        var answers = index.AsParallel()
            .Select(d => (Key: d.Key, Model: ServiceModel.Find(d.Key.Service), Op: ServiceModel.Find(d.Key.Service)?.Operation(d.Key.Operation), Json: d.Value))
            .Where(a => a.Model is not null && a.Op is not null)
            .Select(a => (a.Key, Model: a.Model!, Op: a.Op!, Body: WireWriter.Answer(a.Model!, a.Op!, (JsonObject)JsonNode.Parse(a.Json)!).Body, a.Json))
            .ToList();
        Console.WriteLine($"preset {preset.Name}: {answers.Count:N0} answers, {answers.Sum(a => (long)a.Body.Length) / 1048576.0:N1} MB on the wire");
        using var message = new HttpResponseMessage();
        var headers = message.Headers;
        // The direct writer against the tree reader (XmlReader for ec2 and query), byte for byte, on every answer.
        var mismatched = answers.AsParallel().Where(a => !ResponseReader.ReadUtf8(a.Model, a.Op, 200, headers, a.Body).AsSpan()
            .SequenceEqual(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ResponseReader.Read(a.Model, a.Op, 200, headers, a.Body)))).Select(a => a.Key).ToList();
        Console.WriteLine($"written differently from the tree reader: {mismatched.Count}{string.Concat(mismatched.Take(5).Select(k => $" {k.Service}:{k.Operation}"))}");
        for (var pass = 1; pass <= passes; pass++)
        {
            var total = TimeSpan.Zero;
            foreach (var group in answers.GroupBy(a => a.Model.Protocol).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var cpu = ThreadCpu();
                var bytes = 0L;
                foreach (var a in group)
                {
                    bytes += ResponseReader.ReadUtf8(a.Model, a.Op, 200, headers, a.Body).Length;
                }

                var spent = ThreadCpu() - cpu;
                total += spent;
                Console.WriteLine($"pass {pass} read {group.Key,-10} {group.Count(),7:N0} answers {group.Sum(a => (long)a.Body.Length) / 1048576.0,7:N1} MB in  {spent.TotalMilliseconds,8:N0} ms  ({spent.TotalMilliseconds / group.Count(),6:N3} ms/answer, {group.Sum(a => (long)a.Body.Length) / 1048576.0 / spent.TotalSeconds,6:N0} MB/s)");
            }

            // The XML scanning alone (every element passed over, nothing written): the floor of the ec2 and query reading.
            var xmlAnswers = answers.Where(a => a.Model.Protocol is "ec2" or "query").ToList();
            var scanCpu = ThreadCpu();
            foreach (var a in xmlAnswers)
            {
                var scanner = new XmlScanner(a.Body);
                scanner.ReadRoot();
                scanner.Skip();
                scanner.End();
            }

            var scanSpent = ThreadCpu() - scanCpu;
            Console.WriteLine($"pass {pass} scan only  {xmlAnswers.Count,7:N0} answers {xmlAnswers.Sum(a => (long)a.Body.Length) / 1048576.0,7:N1} MB in  {scanSpent.TotalMilliseconds,8:N0} ms  ({xmlAnswers.Sum(a => (long)a.Body.Length) / 1048576.0 / scanSpent.TotalSeconds,6:N0} MB/s)");

            var credentials = new ImmutableCredentials("AKID000000000001", "fake-secret", null);
            var endpoint = new Uri("http://127.0.0.1:12345/");
            var signCpu = ThreadCpu();
            var signed = 0;
            foreach (var a in answers.Where(a => a.Model.Protocol is "ec2" or "query" or "json").Take(20_000))
            {
                var request = a.Model.Protocol is "ec2" or "query"
                    ? QueryRequestWriter.Write(a.Model, a.Op, null)
                    : RestRequestWriter.Write(a.Model, a.Op, null);
                using var m = SigV4.Sign(request, endpoint, credentials, "us-east-1", a.Model.SigningName, DateTime.UtcNow);
                signed++;
            }

            var signSpent = ThreadCpu() - signCpu;
            Console.WriteLine($"pass {pass} write + sign {signed,7:N0} requests in {signSpent.TotalMilliseconds,8:N0} ms  ({signSpent.TotalMilliseconds / signed,6:N3} ms/request)");
            Console.WriteLine($"pass {pass} read all: {total.TotalMilliseconds:N0} ms, {total.TotalMilliseconds / answers.Count:N3} ms/answer");
        }

        return 0;
    }

    // The whole process's CPU (the GC's threads included): the reading runs on this thread alone.
    private static TimeSpan ThreadCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
