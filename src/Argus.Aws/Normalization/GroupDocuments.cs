using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Aws.Normalization;

/// <summary>The raw documents of one group, indexed once by operation and by (operation, resource).</summary>
internal sealed class GroupDocuments
{
    private readonly Dictionary<(string Service, string Operation), List<RawDocument>> byOperation = [];
    private readonly Dictionary<(string Service, string Operation, string Resource), RawDocument> byResource = [];

    public GroupDocuments(IReadOnlyList<RawDocument> documents)
    {
        foreach (var document in documents)
        {
            var key = (document.Service, document.Operation);
            if (!byOperation.TryGetValue(key, out var list))
            {
                byOperation[key] = list = [];
            }

            list.Add(document);
            if (document.Resource is { } resource)
            {
                // Two answers for one resource cannot both be right; the first is kept, as with assets.
                byResource.TryAdd((document.Service, document.Operation, resource), document);
            }
        }
    }

    /// <summary>Every answer of an operation (one per resource for per-resource operations).</summary>
    public IReadOnlyList<RawDocument> Of(AwsOperation operation) =>
        byOperation.TryGetValue((operation.Service, operation.Operation), out var list) ? list : [];

    public bool Has(AwsOperation operation) => byOperation.ContainsKey((operation.Service, operation.Operation));

    /// <summary>The answer of a per-resource operation for one resource, if collected.</summary>
    public RawDocument? For(AwsOperation operation, string resource) =>
        byResource.GetValueOrDefault((operation.Service, operation.Operation, resource));
}
