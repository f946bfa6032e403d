using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Client.Model;
using Argus.Aws.Client.Protocols;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Aws.Client;

/// <summary>
/// The one generic AWS API client: any modelled operation of any modelled service (ec2, query, json 1.0/1.1,
/// rest-json and rest-xml protocols), SigV4-signed with AWSSDK.Core, retried on throttling, answered in the
/// shape <c>aws ... --output json</c> prints. It makes only calls the permission catalog declares.
/// </summary>
public sealed class AwsApiClient(HttpClient http, IPermissionCatalog catalog, AwsApiClientOptions? options = null)
{
    private readonly AwsApiClientOptions options = options ?? new AwsApiClientOptions();

    /// <summary>The IAM action that authorizes an operation: the option's mapping, then the operation list, then signingName:Operation.</summary>
    public string ActionFor(string service, string operation)
    {
        var model = Model(service);
        return options.ActionFor?.Invoke(service, operation)
            ?? AwsOperations.Find(service, operation)?.IamAction
            ?? model.SigningName + ":" + operation;
    }

    /// <summary>One call, one page.</summary>
    /// <param name="service">The AWS CLI service name (<c>ec2</c>, <c>elbv2</c>, <c>iam</c>, <c>s3</c> for s3api, ...).</param>
    /// <param name="operation">The API operation name, e.g. <c>DescribeSecurityGroups</c>.</param>
    /// <param name="parameters">Request parameters named as in the API reference (the CLI's <c>--cli-input-json</c>).</param>
    /// <exception cref="PermissionDeniedByCatalogException">The action is not in the catalog; nothing was sent.</exception>
    /// <exception cref="AwsApiException">AWS refused or failed the call; <see cref="AwsApiException.Kind"/> says how.</exception>
    public async Task<JsonDocument> CallAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        JsonSerializer.SerializeToDocument(await CallNodeAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false));

    /// <summary>
    /// Every page of a paginated operation, merged as the CLI merges them: result lists concatenated, other keys
    /// from the first page, tokens removed. Operations without a paginator make one call.
    /// </summary>
    public async Task<JsonDocument> CallAllPagesAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        JsonSerializer.SerializeToDocument(await CallAllPagesNodeAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false));

    /// <summary>
    /// <see cref="CallAllPagesAsync"/> as the UTF-8 JSON text a raw document stores: serialized once, for callers
    /// (the collector) that keep the bytes rather than read the answer.
    /// </summary>
    /// <remarks>
    /// An answer of one page is written straight from the wire to UTF-8 JSON (no tree); answers of several pages are
    /// merged as trees, as <see cref="CallAllPagesAsync"/> merges them.
    /// </remarks>
    public async Task<byte[]> CallAllPagesUtf8Async(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct)
    {
        var paginator = Model(service).PaginatorFor(operation);
        if (paginator is null)
        {
            return await SendAsync(service, operation, parameters, ctx, ResponseReader.ReadUtf8, ct).ConfigureAwait(false);
        }

        var first = await SendAsync(service, operation, (JsonObject?)parameters?.DeepClone() ?? [], ctx, ResponseReader.ReadUtf8, ct).ConfigureAwait(false);
        if (!NamesAnyToken(first, paginator))
        {
            return first; // no token anywhere: one page, nothing to drop, and no need to parse what can be megabytes
        }

        using (var page = JsonDocument.Parse(first))
        {
            if (!MorePages(page.RootElement, paginator))
            {
                return WithoutTokens(page.RootElement, paginator) ?? first;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(await CallAllPagesNodeAsync(service, operation, parameters, ctx, JsonNode.Parse(first) as JsonObject, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Whether the answer may hold a page token: the first name of some token path appears as a property name
    /// anywhere in it (the written JSON has no whitespace). A nested namesake only costs the exact check.
    /// </summary>
    private static bool NamesAnyToken(byte[] answer, Paginator paginator) =>
        paginator.OutputTokens.Append(paginator.MoreResults ?? "")
            .SelectMany(t => t.Split("||"))
            .Select(t => t.Trim().Split('.', '[')[0])
            .Where(name => name.Length > 0)
            .Any(name => answer.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes($"\"{name}\":")) >= 0);

    private static bool MorePages(JsonElement answer, Paginator paginator) =>
        paginator.MoreResults is { } flag
            ? JsonPath.Evaluate(answer, flag) is { ValueKind: JsonValueKind.True }
            : paginator.OutputTokens.Any(t => JsonPath.Evaluate(answer, t) is { } token && !(token.ValueKind == JsonValueKind.String && token.GetString()!.Length == 0));

    /// <summary>The answer without its page tokens (as the merged answer drops them), or null when it has none.</summary>
    private static byte[]? WithoutTokens(JsonElement answer, Paginator paginator)
    {
        var tokens = TokenKeys(paginator).Where(t => answer.TryGetProperty(t, out _)).ToHashSet(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return null;
        }

        var output = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            foreach (var property in answer.EnumerateObject())
            {
                if (!tokens.Contains(property.Name))
                {
                    property.WriteTo(json);
                }
            }

            json.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    // The tokens that are top-level keys; paths into the results (Contents[-1].Key) stay.
    private static IEnumerable<string> TokenKeys(Paginator paginator) =>
        paginator.OutputTokens.Append(paginator.MoreResults ?? "")
            .Where(t => t.Length > 0 && !t.Contains('.', StringComparison.Ordinal) && !t.Contains('|', StringComparison.Ordinal));

    private Task<JsonObject> CallAllPagesNodeAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        CallAllPagesNodeAsync(service, operation, parameters, ctx, null, ct);

    /// <param name="firstPage">The first page when already read (its request was the parameters alone).</param>
    private async Task<JsonObject> CallAllPagesNodeAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, JsonObject? firstPage, CancellationToken ct)
    {
        var paginator = Model(service).PaginatorFor(operation);
        if (paginator is null)
        {
            return await CallNodeAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false);
        }

        var request = (JsonObject?)parameters?.DeepClone() ?? [];
        JsonObject? merged = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var answer = page == 1 && firstPage is not null ? firstPage : await CallNodeAsync(service, operation, request, ctx, ct).ConfigureAwait(false);
            merged = merged is null ? answer : Append(merged, answer, paginator);
            var tokens = paginator.OutputTokens.Select(t => JsonPath.Evaluate(answer, t)).ToList();
            var more = paginator.MoreResults is { } flag
                ? JsonPath.Evaluate(answer, flag) is JsonValue v && v.GetValueKind() == JsonValueKind.True
                : tokens.Any(t => t is not null && !(t is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length == 0));
            if (!more)
            {
                break;
            }

            var key = string.Join("\u0001", tokens.Select(t => t?.ToJsonString()));
            if (!seen.Add(key) || page >= options.MaxPages)
            {
                throw new AwsApiException(ActionFor(service, operation), AwsErrorKind.Other, "PaginationLoop",
                    $"the service repeated a page token or exceeded {options.MaxPages} pages", 200, page);
            }

            for (var i = 0; i < paginator.InputTokens.Count && i < tokens.Count; i++)
            {
                request[paginator.InputTokens[i]] = tokens[i]?.DeepClone();
            }
        }

        foreach (var token in TokenKeys(paginator))
        {
            merged.Remove(token);
        }

        return merged;
    }

    private static JsonObject Append(JsonObject merged, JsonObject page, Paginator paginator)
    {
        foreach (var key in paginator.ResultKeys)
        {
            if (page[key] is JsonArray items)
            {
                if (merged[key] is not JsonArray list)
                {
                    merged[key] = list = [];
                }

                foreach (var item in items)
                {
                    list.Add(item?.DeepClone());
                }
            }
        }

        return merged;
    }

    /// <summary>
    /// One call whose answer is a binary payload (a streaming blob such as EBS GetSnapshotBlock's block data), with the
    /// same catalog check, signing and retries as <see cref="CallAsync"/>: the raw body and the response headers.
    /// </summary>
    /// <exception cref="PermissionDeniedByCatalogException">The action is not in the catalog; nothing was sent.</exception>
    /// <exception cref="AwsApiException">AWS refused or failed the call.</exception>
    public Task<AwsBinaryResponse> CallBinaryAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        SendAsync(service, operation, parameters, ctx, static (_, _, status, headers, body) =>
        {
            var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in headers)
            {
                named[name] = string.Join(",", values);
            }

            return new AwsBinaryResponse(status, named, body.ToArray()); // the pooled buffer goes back after the call
        }, ct);

    private Task<JsonObject> CallNodeAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        SendAsync(service, operation, parameters, ctx, ResponseReader.Read, ct);

    /// <summary>
    /// One request, signed, sent and retried; a successful answer is handed to <paramref name="read"/>, whose result
    /// must not hold on to the body (a pooled buffer, returned when <paramref name="read"/> returns).
    /// </summary>
    private async Task<T> SendAsync<T>(string service, string operation, JsonObject? parameters, AwsCallContext ctx,
        Func<ServiceModel, OperationModel, int, HttpResponseHeaders, ReadOnlyMemory<byte>, T> read, CancellationToken ct)
    {
        var model = Model(service);
        var op = model.Operation(operation) ?? throw new ArgumentException($"the {service} model Argus ships has no operation {operation}; add it to scripts/trim-aws-models.py");
        var action = ActionFor(service, operation);
        if (catalog.Find(Provider.Aws, action) is null)
        {
            throw new PermissionDeniedByCatalogException(action);
        }

        var request = model.Protocol is "ec2" or "query"
            ? QueryRequestWriter.Write(model, op, parameters)
            : RestRequestWriter.Write(model, op, parameters);
        var (endpoint, signingRegion) = AwsEndpoints.Resolve(model, op, parameters, ctx, options);
        var credentials = await ctx.Credentials.GetCredentialsAsync().ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            AwsApiException failure;
            if (ctx.BeforeAttempt is { } pace)
            {
                await pace(ct).ConfigureAwait(false);
            }

            try
            {
                using var message = SigV4.Sign(request, endpoint, credentials, signingRegion, model.SigningName, DateTime.UtcNow);
                // Headers only, then the body into a pooled buffer within the client's timeout: buffering the content,
                // the client would first copy it into an array of its own.
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(http.Timeout);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                using var body = await PooledBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return Read(model, op, action, status, response, body.Memory, attempt, read);
                }

                var (code, text) = ErrorReader.Read(model.Protocol, status, response.Headers, body.Memory.Span);
                failure = new AwsApiException(action, AwsApiException.Classify(code), code, text, status, attempt);
                if (!(failure.Kind == AwsErrorKind.Throttled || status >= 500))
                {
                    throw failure;
                }
            }
            catch (HttpRequestException e) when (!ct.IsCancellationRequested)
            {
                failure = new AwsApiException(action, AwsErrorKind.Other, "TransportError", e.Message, (int?)e.StatusCode ?? 0, attempt);
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                failure = new AwsApiException(action, AwsErrorKind.Other, "Timeout", e.Message, (int)HttpStatusCode.RequestTimeout, attempt);
            }

            if (attempt >= options.MaxAttempts)
            {
                throw failure;
            }

            ctx.OnRetry?.Invoke(failure);
            await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
        }
    }

    // A malformed answer is the service's fault, not a programming error: the collector records it as a gap.
    private static T Read<T>(ServiceModel model, OperationModel op, string action, int status, HttpResponseMessage response, ReadOnlyMemory<byte> body, int attempt,
        Func<ServiceModel, OperationModel, int, HttpResponseHeaders, ReadOnlyMemory<byte>, T> read)
    {
        try
        {
            return read(model, op, status, response.Headers, body);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw new AwsApiException(action, AwsErrorKind.Other, "MalformedResponse", e.Message, status, attempt);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static ServiceModel Model(string service) =>
        ServiceModel.Find(service) ?? throw new ArgumentException($"Argus ships no API model for AWS service {service}; add it to scripts/trim-aws-models.py");
}
