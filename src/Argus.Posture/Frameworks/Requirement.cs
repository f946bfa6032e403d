namespace Argus.Posture.Frameworks;

/// <summary>One recommendation of a framework: ids and titles only, and the Argus checks that evaluate it.</summary>
/// <param name="Automated">The framework's own assessment status (CIS "Automated" or "Manual").</param>
/// <param name="Reason">For a requirement no check evaluates: why, and what an auditor can use instead.</param>
public sealed record Requirement(
    string Id,
    string Title,
    string Section,
    string? Subsection,
    string Profile,
    bool Automated,
    IReadOnlyList<string> Checks,
    string? Reason);
