namespace Argus.Storage;

/// <summary>
/// Filters inventory. <see cref="Type"/> matches a type exactly or, ending in <c>*</c>, by prefix
/// (<c>aws.ec2.*</c>). Tag filters match <c>key</c> (any value) or <c>key=value</c>; all must match.
/// </summary>
public sealed record AssetQuery(
    string? Type = null,
    string? Account = null,
    string? Region = null,
    IReadOnlyList<string>? Tags = null,
    string? Id = null);
