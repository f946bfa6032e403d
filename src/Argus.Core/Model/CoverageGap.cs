namespace Argus.Core.Model;

/// <summary>
/// Data that could not be collected. Every check that needs it must report ERROR or NOT_AUTHORIZED
/// and name <see cref="Permission"/>, never PASS.
/// </summary>
public sealed record CoverageGap(
    Provider Provider,
    string Account,
    string Region,
    string Service,
    string Operation,
    string Permission,
    GapReason Reason,
    string Message);
