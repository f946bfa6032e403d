namespace Argus.Aws.Client.Model;

/// <summary>
/// How an operation pages, from paginators-1.json: the request parameters that carry the tokens, the answer
/// paths (simple JMESPath) that yield them, and the keys whose lists are merged across pages.
/// </summary>
internal sealed record Paginator(
    IReadOnlyList<string> InputTokens,
    IReadOnlyList<string> OutputTokens,
    IReadOnlyList<string> ResultKeys,
    string? MoreResults);
