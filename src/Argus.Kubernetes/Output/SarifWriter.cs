using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Core.Model;
using Argus.Kubernetes.Checks;

namespace Argus.Kubernetes.Output;

/// <summary>
/// SARIF 2.1.0 for manifest scans, so code hosts show findings on the YAML lines: one rule per check, one result
/// per failed (or unevaluable) check result, located at the file and line of the object's document.
/// </summary>
public static class SarifWriter
{
    /// <param name="located">Results with the <c>file:line</c> of the object each judged.</param>
    /// <param name="baseFolder">Artifact paths are written relative to it.</param>
    public static string Write(IReadOnlyList<LocatedResult> located, string? baseFolder = null)
    {
        var results = located.Select(r => r.Result).ToList();
        var checks = KubernetesChecks.All.Select(c => c.Metadata).Where(m => results.Any(r => r.CheckId == m.Id)).ToList();
        var rules = new JsonArray(checks.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["name"] = m.Title,
            ["shortDescription"] = new JsonObject { ["text"] = m.Title },
            ["fullDescription"] = new JsonObject { ["text"] = m.Description },
            ["help"] = new JsonObject { ["text"] = m.Remediation },
            ["helpUri"] = m.References.FirstOrDefault(),
            ["defaultConfiguration"] = new JsonObject { ["level"] = SarifSeverity.Level(m.Severity) },
            ["properties"] = new JsonObject
            {
                ["tags"] = new JsonArray(m.Frameworks.Select(f => (JsonNode)JsonValue.Create($"{f.Framework}:{f.Requirement}")!).ToArray()),
                ["security-severity"] = SarifSeverity.Score(m.Severity),
            },
        }).ToArray());
        var sarifResults = new JsonArray(located.Where(l => l.Result.Status is FindingStatus.Fail or FindingStatus.Error or FindingStatus.NotAuthorized).Select(l =>
        {
            var r = l.Result;
            var result = new JsonObject
            {
                ["ruleId"] = r.CheckId,
                ["level"] = r.Status == FindingStatus.Fail ? SarifSeverity.Level(r.Severity) : "note",
                ["message"] = new JsonObject { ["text"] = r.Message },
                ["properties"] = new JsonObject { ["resource"] = r.ResourceId, ["status"] = r.Status.ToString() },
            };
            if (l.Origin is { } origin && Split(origin) is { } place)
            {
                result["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = Uri(place.File, baseFolder) },
                        ["region"] = new JsonObject { ["startLine"] = place.Line },
                    },
                });
            }

            return (JsonNode)result;
        }).ToArray());
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = "Argus", ["rules"] = rules } },
                ["results"] = sarifResults,
            }),
        };
        return sarif.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static (string File, long Line)? Split(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && long.TryParse(origin[(colon + 1)..], out var line) ? (origin[..colon], line) : null;
    }

    private static string Uri(string file, string? baseFolder) =>
        (baseFolder is null ? file : Path.GetRelativePath(baseFolder, file)).Replace('\\', '/');
}
