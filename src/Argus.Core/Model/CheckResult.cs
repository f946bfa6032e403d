namespace Argus.Core.Model;

/// <summary>What an engine reports for one check on one resource in one scan.</summary>
/// <param name="Evidence">JSON explaining the verdict: the resources, rules and values that decided it.</param>
public sealed record CheckResult(
    string CheckId,
    string ResourceId,
    Provider Provider,
    string Account,
    string Region,
    FindingStatus Status,
    Severity Severity,
    string Message,
    string Evidence,
    IReadOnlyList<FrameworkReference> Frameworks);
