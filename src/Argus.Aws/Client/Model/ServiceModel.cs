using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Argus.Aws.Client.Model;

/// <summary>
/// A service's published API model (trimmed botocore data shipped as embedded resources): protocol, endpoint
/// and signing names, operations, shapes and paginators. Everything the generic client knows about a service
/// comes from here, not from hand-written code.
/// </summary>
internal sealed class ServiceModel
{
    // Lazy: an organization's collectors all start at once, and without it each would parse the same model (EC2's is
    // hundreds of kilobytes) at the same moment, slowing the first seconds of every collection.
    private static readonly ConcurrentDictionary<string, Lazy<ServiceModel?>> Cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shape> shapes;
    private readonly Dictionary<string, OperationModel> operations;
    private readonly Dictionary<string, Paginator> paginators;

    private ServiceModel(string service, JsonObject model, JsonObject? pagination)
    {
        Service = service;
        var metadata = model["metadata"]!;
        Protocol = (string)metadata["protocol"]!;
        ApiVersion = (string)metadata["apiVersion"]!;
        EndpointPrefix = (string)metadata["endpointPrefix"]!;
        SigningName = (string?)metadata["signingName"] ?? EndpointPrefix;
        ServiceId = (string?)metadata["serviceId"] ?? service;
        TargetPrefix = (string?)metadata["targetPrefix"];
        JsonVersion = (string?)metadata["jsonVersion"] ?? "1.0";
        shapes = model["shapes"]!.AsObject().ToDictionary(s => s.Key, s => Argus.Aws.Client.Model.Shape.From(s.Key, s.Value!.AsObject()), StringComparer.Ordinal);
        operations = model["operations"]!.AsObject().ToDictionary(o => o.Key, o => ReadOperation(o.Key, o.Value!), StringComparer.Ordinal);
        paginators = pagination?["pagination"]?.AsObject().ToDictionary(p => p.Key, p => ReadPaginator(p.Value!), StringComparer.Ordinal)
            ?? new Dictionary<string, Paginator>(StringComparer.Ordinal);
    }

    /// <summary>The AWS CLI service name (<c>ec2</c>, <c>elbv2</c>, <c>s3</c> for s3api).</summary>
    public string Service { get; }

    /// <summary>ec2, query, json, rest-json or rest-xml.</summary>
    public string Protocol { get; }

    public string ApiVersion { get; }
    public string EndpointPrefix { get; }

    /// <summary>The SigV4 service name, which is also the IAM action prefix for every modelled service.</summary>
    public string SigningName { get; }

    /// <summary>The serviceId, from which the <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable name is derived.</summary>
    public string ServiceId { get; }

    public string? TargetPrefix { get; }
    public string JsonVersion { get; }

    /// <summary>The model for a service, or null when Argus ships none.</summary>
    public static ServiceModel? Find(string service) => Cache.GetOrAdd(service, s => new Lazy<ServiceModel?>(() => Load(s))).Value;

    public OperationModel? Operation(string name) => operations.GetValueOrDefault(name);

    public Paginator? PaginatorFor(string operation) => paginators.GetValueOrDefault(operation);

    public Shape Shape(string name) =>
        shapes.TryGetValue(name, out var shape) ? shape : throw new InvalidDataException($"{Service} model has no shape {name}");

    private static ServiceModel? Load(string service)
    {
        var model = ReadResource($"{service}.json");
        return model is null ? null : new ServiceModel(service, model, ReadResource($"{service}.paginators.json"));
    }

    private static JsonObject? ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Argus.Aws.Client.Models." + name);
        return stream is null ? null : JsonNode.Parse(stream)!.AsObject();
    }

    private static OperationModel ReadOperation(string name, JsonNode node)
    {
        var http = node["http"];
        return new OperationModel(
            name,
            (string?)http?["method"] ?? "POST",
            (string?)http?["requestUri"] ?? "/",
            (string?)node["input"]?["shape"],
            (string?)node["output"]?["shape"],
            (string?)node["output"]?["resultWrapper"],
            (string?)node["endpoint"]?["hostPrefix"]);
    }

    private static Paginator ReadPaginator(JsonNode node) => new(
        Strings(node["input_token"]),
        Strings(node["output_token"]),
        Strings(node["result_key"]),
        (string?)node["more_results"]);

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => (string)n!).ToList(),
        _ => [(string)node!],
    };
}
