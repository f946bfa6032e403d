using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Argus.Aws.Client.Model;
using Argus.Aws.Operations;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Bench.FakeAws;

/// <summary>
/// A local AWS on 127.0.0.1 answering the collector from a synthetic organization's documents: the account
/// from the access key id (<c>AKID&lt;account&gt;</c>), service and region from the SigV4 credential scope,
/// the operation from the protocol (JSON target, query/ec2 Action, S3 path and sub-resource). Each
/// (account, region) has its own rate limit, answering the protocol's throttling error when exceeded, and every
/// answer waits a simulated latency. Whole documents are answered (no pagination).
/// </summary>
internal sealed partial class SyntheticAwsServer : IDisposable
{
    private const string RequestId = "00000000-0000-0000-0000-000000000000";

    private readonly Dictionary<DocumentKey, byte[]> documents;
    private readonly Dictionary<DocumentKey, (string Type, byte[] Body)> rendered;
    // Answers that depend on the request, not only on the document: one part per elbv2 tag description (the
    // collector asks 20 ARNs at a time) and one answer per wafv2 resource type.
    private readonly Dictionary<DocumentKey, TagParts> tagParts;
    private readonly Dictionary<(DocumentKey, string Marker), (string Type, byte[] Body)> webAclResources;
    // Empty answers (operations the preset never generates) and errors, per service and operation or code.
    private readonly Dictionary<(string Service, string Operation), (string Type, byte[] Body)> emptyRendered;
    private readonly Dictionary<(string Service, string Code), (int Status, string Type, byte[] Body)> errors;
    private readonly HashSet<(string Service, string Operation)> generated;
    private readonly Dictionary<string, string> servicesBySigningName;
    private readonly ConcurrentDictionary<(string Account, string Region), RateLimiter> limits = new();
    private readonly ConcurrentDictionary<(string Account, string Region), int> answered = new();
    private readonly ConcurrentDictionary<(string Account, string Region), int> throttledBy = new();
    private readonly ConcurrentDictionary<(string Account, string Region), long> lastAnswerAt = new();
    private readonly ConcurrentDictionary<(string Account, string Region), ConcurrentQueue<long>> arrivals = new();
    private readonly double rate;
    private readonly (int Min, int Max) latencyMs;
    private readonly Argus.Tests.LoopbackHttpServer server;
    private long throttled;
    private long emptyAnswers;

    public SyntheticAwsServer(Dictionary<DocumentKey, byte[]> documents, double rate, (int Min, int Max) latencyMs)
    {
        this.documents = documents;
        this.rate = rate;
        this.latencyMs = latencyMs;
        generated = [.. documents.Keys.Select(k => (k.Service, k.Operation))];
        // Rendered before the clock starts: AWS's own serialization is not the collector's cost, and on a shared
        // machine it would compete with the collector for the same cores.
        // Every answer is rendered here, the request-dependent ones in parts, so that answering is a lookup and a write.
        rendered = documents.AsParallel().ToDictionary(d => d.Key, d => Render(d.Key, d.Value));
        tagParts = documents.Where(d => d.Key is { Service: "elbv2", Operation: "DescribeTags" }).AsParallel()
            .ToDictionary(d => d.Key, d => TagParts.Render((JsonObject)JsonNode.Parse(d.Value)!));
        webAclResources = documents.Where(d => d.Key is { Service: "wafv2", Operation: "ListResourcesForWebACL" }).AsParallel()
            .SelectMany(d => WebAclMarkers.Select(m => (Key: (d.Key, m), Answer: WireWriter.Answer(ServiceModel.Find("wafv2")!, ServiceModel.Find("wafv2")!.Operation("ListResourcesForWebACL")!,
                ResourcesOfType((JsonObject)JsonNode.Parse(d.Value)!, m)))))
            .ToDictionary(x => x.Key, x => x.Answer);
        var models = AwsOperations.All.Select(o => o.Service).Distinct()
            .ToDictionary(s => s, s => ServiceModel.Find(s) ?? throw new InvalidOperationException($"no model for {s}"));
        emptyRendered = AwsOperations.All.Where(o => models[o.Service].Operation(o.Operation) is not null)
            .ToDictionary(o => (o.Service, o.Operation), o => WireWriter.Answer(models[o.Service], models[o.Service].Operation(o.Operation)!, []));
        errors = models.Values.SelectMany(m => ErrorCodes.Select(c => (m.Service, c, Answer: Error(m, c, c == "InvalidAction" ? "no operation matches the request" : c == "ResourceNotFound" ? "not configured" : "Rate exceeded"))))
            .ToDictionary(x => (x.Service, x.c), x => x.Answer);
        // S3 Control signs as s3 too; it is told apart by its path (AWS tells it by its host, s3-control).
        servicesBySigningName = models.Where(m => m.Key != "s3control")
            .ToDictionary(m => m.Value.SigningName, m => m.Key, StringComparer.Ordinal);
        server = new Argus.Tests.LoopbackHttpServer(AnswerAsync, concurrent: true);
    }

    public Uri Endpoint => server.Endpoint;

    /// <summary>Calls answered (not throttled), per (account, region the call was signed for).</summary>
    public IReadOnlyDictionary<(string Account, string Region), int> Answered => answered;

    /// <summary>
    /// The account-regions answered last, with their calls, throttles and last answer's time (milliseconds of
    /// <see cref="Environment.TickCount64"/>): which of them decided the total, and whether throttling or their
    /// number of calls made them last.
    /// </summary>
    public IReadOnlyList<FakeAwsStragglers> Stragglers(long since, int count) =>
        lastAnswerAt.OrderByDescending(a => a.Value).Take(count)
            .Select(a => new FakeAwsStragglers(a.Key.Account, a.Key.Region, answered.GetValueOrDefault(a.Key), throttledBy.GetValueOrDefault(a.Key), (a.Value - since) / 1000.0,
                PerSecond(arrivals.GetValueOrDefault(a.Key), since)))
            .ToList();

    /// <summary>Calls refused with a throttling error.</summary>
    public long Throttled => Interlocked.Read(ref throttled);

    // Requests that arrived in each second since the clock started, throttled ones included.
    private static int[] PerSecond(ConcurrentQueue<long>? times, long since)
    {
        var seconds = (times ?? []).Where(t => t >= since).Select(t => (int)((t - since) / 1000)).ToList();
        var counts = new int[seconds.Count == 0 ? 0 : seconds.Max() + 1];
        foreach (var second in seconds)
        {
            counts[second]++;
        }

        return counts;
    }

    /// <summary>Calls for operations the preset never generates, answered with an empty result as AWS would.</summary>
    public long EmptyAnswers => Interlocked.Read(ref emptyAnswers);

    public void Dispose() => server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        int status;
        string type;
        byte[] body;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync().ConfigureAwait(false);
            // The limit applies as the call arrives, as at AWS's front door; the latency is the rest of the trip.
            var answer = Handle(context.Request, text);
            await Task.Delay(Random.Shared.Next(latencyMs.Min, latencyMs.Max + 1)).ConfigureAwait(false);
            (status, type, body) = answer;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            (status, type, body) = (500, "text/plain", Encoding.UTF8.GetBytes("fake AWS failed: " + e.Message));
        }

        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = type;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // the client went away (cancelled); nothing to answer
        }
    }

    private (int Status, string Type, byte[] Body) Handle(HttpListenerRequest request, string body)
    {
        var scope = ScopePattern().Match(request.Headers["Authorization"] ?? "");
        if (!scope.Success || !servicesBySigningName.TryGetValue(scope.Groups[3].Value, out var service))
        {
            return (400, "text/plain", Encoding.UTF8.GetBytes("unsigned request or unknown service"));
        }

        var (account, region) = (scope.Groups[1].Value, scope.Groups[2].Value);
        if (service == "s3" && request.Url!.AbsolutePath.StartsWith(S3ControlPath, StringComparison.Ordinal))
        {
            service = "s3control";
        }

        var model = ServiceModel.Find(service)!;
        arrivals.GetOrAdd((account, region), _ => new()).Enqueue(Environment.TickCount64);
        if (!limits.GetOrAdd((account, region), _ => new RateLimiter(rate)).TryTake())
        {
            Interlocked.Increment(ref throttled);
            throttledBy.AddOrUpdate((account, region), 1, (_, n) => n + 1);
            return errors[(service, ThrottlingCode(model))];
        }

        answered.AddOrUpdate((account, region), 1, (_, n) => n + 1);
        lastAnswerAt[(account, region)] = Environment.TickCount64;
        var (operation, candidates) = Target(model, request, body);
        if (operation is null)
        {
            return errors[(service, "InvalidAction")];
        }

        var document = Find(account, region, service, operation.Name, candidates);
        if (document is null)
        {
            if (generated.Contains((service, operation.Name)))
            {
                // The preset has this operation but not for this resource: AWS's answer for absent configuration.
                return errors[(service, "ResourceNotFound")];
            }

            Interlocked.Increment(ref emptyAnswers);
            var (emptyType, empty) = emptyRendered[(service, operation.Name)];
            return (200, emptyType, empty);
        }

        if (webAclResources.TryGetValue((document, WebAclMarker(candidates)), out var resources))
        {
            return (200, resources.Type, resources.Body);
        }

        if (tagParts.TryGetValue(document, out var parts))
        {
            return (200, "text/xml", parts.Answer(candidates));
        }

        var (type, bytes) = rendered[document];
        return (200, type, bytes);
    }

    private static readonly string[] ErrorCodes = ["RequestLimitExceeded", "SlowDown", "ThrottlingException", "Throttling", "InvalidAction", "ResourceNotFound"];

    private static string ThrottlingCode(ServiceModel model) =>
        model.Protocol switch { "ec2" => "RequestLimitExceeded", "rest-xml" => "SlowDown", "json" => "ThrottlingException", _ => "Throttling" };

    private static (string Type, byte[] Body) Render(DocumentKey key, byte[] json)
    {
        var model = ServiceModel.Find(key.Service);
        var operation = model?.Operation(key.Operation);
        return model is null || operation is null
            ? ("application/json", json) // an operation the collector never calls; never asked for
            : WireWriter.Answer(model, operation, (JsonObject)JsonNode.Parse(json)!);
    }

    private DocumentKey? Find(string account, string region, string service, string operation, IReadOnlyList<string> candidates)
    {
        foreach (var resource in candidates)
        {
            foreach (var key in new[] { new DocumentKey(account, region, service, operation, resource), new DocumentKey(account, Regions.Global, service, operation, resource) })
            {
                if (documents.ContainsKey(key))
                {
                    return key;
                }
            }
        }

        return new[] { new DocumentKey(account, region, service, operation, null), new DocumentKey(account, Regions.Global, service, operation, null) }
            .Cast<DocumentKey?>().FirstOrDefault(k => documents.ContainsKey(k!));
    }

    /// <summary>The operation a request calls and the parameter values that may name its resource.</summary>
    private static (OperationModel? Operation, IReadOnlyList<string> Candidates) Target(ServiceModel model, HttpListenerRequest request, string body)
    {
        switch (model.Protocol)
        {
            case "json":
                var target = request.Headers["X-Amz-Target"] ?? "";
                var parameters = body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
                // The operation follows the last dot (CloudTrail's target prefix has dots of its own).
                return (model.Operation(target[(target.LastIndexOf('.') + 1)..]),
                    parameters?.Select(p => p.Value).OfType<JsonValue>().Select(v => v.ToString()).ToList() ?? []);
            case "ec2" or "query":
                var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                    .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");
                return (model.Operation(form.GetValueOrDefault("Action", "")),
                    [.. form.Where(f => f.Key is not ("Action" or "Version")).Select(f => f.Value)]);
            case "rest-json":
                return ByPath(model, request, body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject);
            case "rest-xml" when model.Service != "s3":
                return ByPath(model, request, null);
            default:
                // rest-xml (S3, path style): the bucket is the path, the sub-resource the first query key.
                var bucket = Uri.UnescapeDataString(request.Url!.AbsolutePath.Trim('/'));
                var sub = request.Url.Query.TrimStart('?').Split('&')[0].Split('=')[0];
                var operation = AwsOperations.All.Where(o => o.Service == model.Service).Select(o => model.Operation(o.Operation)).OfType<OperationModel>()
                    .FirstOrDefault(o => o.HttpMethod == request.HttpMethod && SubResource(o.RequestUri) == sub && o.RequestUri.Contains("{Bucket}", StringComparison.Ordinal) == (bucket.Length > 0));
                return (operation, bucket.Length > 0 ? [bucket] : []);
        }
    }

    /// <summary>
    /// A REST operation by method and URI template (<c>/clusters/{name}</c>); the label values, then any JSON body
    /// values, are the candidates for its resource.
    /// </summary>
    private static (OperationModel? Operation, IReadOnlyList<string> Candidates) ByPath(ServiceModel model, HttpListenerRequest request, JsonObject? body)
    {
        var path = request.Url!.AbsolutePath.Split('/');
        foreach (var operation in AwsOperations.All.Where(o => o.Service == model.Service).Select(o => model.Operation(o.Operation)).OfType<OperationModel>())
        {
            var template = operation.RequestUri.Split('?', 2)[0].Split('/');
            if (operation.HttpMethod != request.HttpMethod || template.Length != path.Length)
            {
                continue;
            }

            var labels = new List<string>();
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{'))
                {
                    labels.Add(Uri.UnescapeDataString(path[i]));
                }
                else
                {
                    matched = template[i] == path[i];
                }
            }

            if (matched)
            {
                return (operation, [.. labels, .. body?.Select(p => p.Value).OfType<JsonValue>().Select(v => v.ToString()) ?? []]);
            }
        }

        return (null, []);
    }

    private static readonly string[] WebAclMarkers = [":apigateway:", ":cognito-idp:", ":apprunner:", ":loadbalancer/app/"];

    // wafv2 answers one resource type per call; the preset stores a web ACL's resources of every type as one answer.
    private static string WebAclMarker(IReadOnlyList<string> candidates) =>
        candidates.FirstOrDefault(c => c.Contains('_', StringComparison.Ordinal) && c.ToUpperInvariant() == c) switch
        {
            "API_GATEWAY" => ":apigateway:",
            "COGNITO_USER_POOL" => ":cognito-idp:",
            "APP_RUNNER_SERVICE" => ":apprunner:",
            _ => ":loadbalancer/app/",
        };

    private static JsonObject ResourcesOfType(JsonObject all, string marker)
    {
        var kept = all["ResourceArns"] is JsonArray arns
            ? arns.Where(a => a?.GetValue<string>().Contains(marker, StringComparison.Ordinal) == true).Select(a => a!.DeepClone())
            : [];
        return new JsonObject { ["ResourceArns"] = new JsonArray([.. kept]) };
    }

    private const string S3ControlPath = "/v20180820/";

    private static string SubResource(string requestUri) => requestUri.Split('?', 2) is [_, var query] ? query.Split('&')[0].Split('=')[0] : "";

    private static (int, string, byte[]) Error(ServiceModel model, string code, string message)
    {
        var status = code is "SlowDown" ? 503 : code.EndsWith("NotFound", StringComparison.Ordinal) ? 404 : 400;
        var (type, text) = model.Protocol switch
        {
            "ec2" => ("text/xml", $"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>{RequestId}</RequestID></Response>"),
            "query" => ("text/xml", $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{RequestId}</RequestId></ErrorResponse>"),
            "rest-xml" => ("application/xml", $"<Error><Code>{code}</Code><Message>{message}</Message><RequestId>{RequestId}</RequestId></Error>"),
            _ => ("application/x-amz-json-" + model.JsonVersion, $$"""{"__type":"{{code}}","message":"{{message}}"}"""),
        };
        return (status, type, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The document index of a synthetic source, keyed as the server looks documents up.</summary>
    public static Dictionary<DocumentKey, byte[]> Index(ISnapshotSource source)
    {
        var index = new Dictionary<DocumentKey, byte[]>();
        foreach (var d in source.ReadDocuments().Where(d => d.Provider == Provider.Aws))
        {
            index[new DocumentKey(d.Account, d.Region, d.Service, d.Operation, d.Resource)] = d.Json.ToArray();
        }

        return index;
    }

    [GeneratedRegex(@"Credential=AKID(\d+)/\d{8}/([^/]+)/([^/]+)/aws4_request")]
    private static partial Regex ScopePattern();
}
