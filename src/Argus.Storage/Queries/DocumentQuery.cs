using Argus.Core.Model;

namespace Argus.Storage;

/// <summary>Filters raw documents; null members match everything.</summary>
public sealed record DocumentQuery(
    Provider? Provider = null,
    string? Account = null,
    string? Region = null,
    string? Service = null,
    string? Operation = null);
