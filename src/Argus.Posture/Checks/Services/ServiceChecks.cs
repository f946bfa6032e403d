namespace Argus.Posture.Checks.Services;

/// <summary>The checks beyond CIS behind the cloud application analysis (WAF, ECR, Inspector, DLM, ...).</summary>
internal static class ServiceChecks
{
    public static IReadOnlyList<Check> All { get; } = [];
}
