using Argus.Core.Model;

namespace Argus.Storage;

/// <summary>Filters findings; null members match everything. <see cref="OpenOnly"/> hides resolved ones.</summary>
public sealed record FindingQuery(
    string? CheckId = null,
    string? ResourceId = null,
    string? Account = null,
    FindingStatus? Status = null,
    bool OpenOnly = false);
