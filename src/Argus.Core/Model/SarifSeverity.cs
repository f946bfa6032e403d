namespace Argus.Core.Model;

/// <summary>
/// How a severity reads in SARIF 2.1.0: the result level, and the <c>security-severity</c> property GitHub code
/// scanning sorts by (9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low). One mapping for every engine's
/// SARIF output, so a high posture finding and a high Kubernetes finding land in the same bucket.
/// </summary>
public static class SarifSeverity
{
    /// <summary>"error" for critical and high, "warning" for medium, "note" below.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>The score GitHub code scanning ranks by; informational findings carry none (0.0).</summary>
    public static string Score(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };
}
