using Argus.Core.Model;

namespace Argus.Posture.Outputs;

/// <summary>Status and severity names shared by the writers.</summary>
public static class OutputNames
{
    /// <summary>PASS, FAIL, MANUAL, ERROR, NOT_AUTHORIZED, MUTED: the names the CLI and the store use.</summary>
    public static string Status(FindingStatus status) => status switch
    {
        FindingStatus.NotAuthorized => "NOT_AUTHORIZED",
        _ => status.ToString().ToUpperInvariant(),
    };

    public static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Parses a status name as the CLI accepts it (any case, with or without the underscore).</summary>
    public static bool TryParseStatus(string text, out FindingStatus status) =>
        Enum.TryParse(text.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out status);

    public static bool TryParseSeverity(string text, out Severity severity) => Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
