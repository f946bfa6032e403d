using Argus.Core.Model;

namespace Argus.Core.Inventory;

/// <summary>Every raw document of one account in one region (or global), as handed to a normalizer.</summary>
public sealed record DocumentGroup(DocumentGroupKey Key, IReadOnlyList<RawDocument> Documents)
{
    /// <summary>The single (non per-resource) answer of an operation, if it was collected.</summary>
    public RawDocument? Find(string service, string operation) =>
        Documents.FirstOrDefault(d => d.Resource is null && d.Service == service && d.Operation == operation);

    /// <summary>All answers of an operation: one per resource for per-resource operations.</summary>
    public IEnumerable<RawDocument> FindAll(string service, string operation) =>
        Documents.Where(d => d.Service == service && d.Operation == operation);
}
