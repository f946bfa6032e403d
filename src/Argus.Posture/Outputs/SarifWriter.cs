using System.Text.Json;
using Argus.Core.Model;
using Argus.Posture.Checks;

namespace Argus.Posture.Outputs;

/// <summary>
/// SARIF 2.1.0: one run, one rule per check that has results, one result per finding that is not PASS. Resources
/// have no source file, so results carry logical locations (the resource ARN) and the account and region as properties.
/// </summary>
public static class SarifWriter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream stream, IReadOnlyCollection<Finding> findings, CheckCatalog checks)
    {
        var reported = findings.Where(f => f.Result.Status != FindingStatus.Pass && f.ResolvedAt is null).ToList();
        var rules = reported.Select(f => f.Result.CheckId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var w = JsonOutput.Open(stream);
        w.WriteStartObject();
        w.WriteString("$schema", Schema);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "Argus");
        w.WriteString("informationUri", "https://github.com/argus-security/argus");
        w.WriteString("semanticVersion", typeof(SarifWriter).Assembly.GetName().Version?.ToString(3));
        w.WriteStartArray("rules");
        foreach (var id in rules)
        {
            var meta = checks.Find(id)?.Metadata;
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", meta?.Title ?? id);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", meta is null ? id : $"{meta.Description} {meta.Risk}");
            w.WriteEndObject();
            if (meta?.References.FirstOrDefault() is { } uri)
            {
                w.WriteString("helpUri", uri);
            }

            w.WriteStartObject("help");
            w.WriteString("text", meta?.Remediation.Cli ?? "");
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(meta?.Severity ?? Severity.Medium, FindingStatus.Fail));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("security-severity", SarifSeverity.Score(meta?.Severity ?? Severity.Medium));
            JsonOutput.Strings(w, "tags", ["security", meta?.Service ?? "aws"]);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var f in reported)
        {
            var r = f.Result;
            w.WriteStartObject();
            w.WriteString("ruleId", r.CheckId);
            w.WriteNumber("ruleIndex", rules.IndexOf(r.CheckId));
            w.WriteString("level", Level(r.Severity, r.Status));
            if (r.Status == FindingStatus.Muted)
            {
                w.WriteStartArray("suppressions");
                w.WriteStartObject();
                w.WriteString("kind", "external");
                w.WriteString("justification", r.Message);
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteStartObject("message");
            w.WriteString("text", r.Message);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("fullyQualifiedName", r.ResourceId);
            w.WriteString("kind", "resource");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            w.WriteString("argusFinding/v1", $"{r.CheckId}|{r.ResourceId}");
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("status", OutputNames.Status(r.Status));
            w.WriteString("account", r.Account);
            w.WriteString("region", r.Region);
            JsonOutput.Strings(w, "frameworks", r.Frameworks.Select(x => $"{x.Framework}:{x.Requirement}"));
            JsonOutput.WriteEvidence(w, "evidence", r.Evidence);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Findings without data or needing a person are notes: they are not violations, but must stay visible.
    private static string Level(Severity severity, FindingStatus status) =>
        status is FindingStatus.Fail or FindingStatus.Muted ? SarifSeverity.Level(severity) : "note";
}
