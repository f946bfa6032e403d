using System.Net;
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
    public async Task<byte[]> CallAllPagesUtf8Async(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        JsonSerializer.SerializeToUtf8Bytes(await CallAllPagesNodeAsync(service, operation, parameters, ctx, ct).ConfigureAwait(false));

    private async Task<JsonObject> CallAllPagesNodeAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct)
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
            var answer = await CallNodeAsync(service, operation, request, ctx, ct).ConfigureAwait(false);
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

        foreach (var token in paginator.OutputTokens.Append(paginator.MoreResults ?? ""))
        {
            if (token.Length > 0 && !token.Contains('.', StringComparison.Ordinal) && !token.Contains('|', StringComparison.Ordinal))
            {
                merged.Remove(token);
            }
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
    /// same catalog check, signing and retries as <see cref="CallAsync"/>: the raw body and every response header.
    /// </summary>
    /// <exception cref="PermissionDeniedByCatalogException">The action is not in the catalog; nothing was sent.</exception>
    /// <exception cref="AwsApiException">AWS refused or failed the call.</exception>
    public Task<AwsBinaryResponse> CallBinaryAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        SendAsync(service, operation, parameters, ctx, static (_, _, _, status, response, body, _) =>
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name] = string.Join(",", values);
            }

            return new AwsBinaryResponse(status, headers, body);
        }, ct);

    private Task<JsonObject> CallNodeAsync(string service, string operation, JsonObject? parameters, AwsCallContext ctx, CancellationToken ct) =>
        SendAsync(service, operation, parameters, ctx, Read, ct);

    private async Task<T> SendAsync<T>(string service, string operation, JsonObject? parameters, AwsCallContext ctx,
        Func<ServiceModel, OperationModel, string, int, HttpResponseMessage, byte[], int, T> read, CancellationToken ct)
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
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return read(model, op, action, status, response, body, attempt);
                }

                var (code, text) = ErrorReader.Read(model.Protocol, status, response.Headers, body);
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
    private static JsonObject Read(ServiceModel model, OperationModel op, string action, int status, HttpResponseMessage response, byte[] body, int attempt)
    {
        try
        {
            return ResponseReader.Read(model, op, status, response.Headers, body);
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
