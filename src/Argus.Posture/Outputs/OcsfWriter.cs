using System.Text.Json;
using Argus.Core.Model;
using Argus.Posture.Checks;
using Argus.Posture.Frameworks;
using Argus.Posture.Summary;

namespace Argus.Posture.Outputs;

/// <summary>
/// OCSF 1.3 JSON: one Detection Finding (class 2004) per finding, then one Compliance Finding (class 2003) per
/// requirement of each framework the findings reference, with the requirement's verdict.
/// </summary>
public static class OcsfWriter
{
    public const string Version = "1.3.0";

    public static void Write(Stream stream, IReadOnlyCollection<Finding> findings, CheckCatalog checks, FrameworkCatalog frameworks, DateTimeOffset at)
    {
        using var w = JsonOutput.Open(stream);
        w.WriteStartArray();
        foreach (var f in findings)
        {
            Detection(w, f, checks.Find(f.Result.CheckId)?.Metadata);
        }

        var referenced = findings.SelectMany(f => f.Result.Frameworks.Select(x => x.Framework)).ToHashSet(StringComparer.Ordinal);
        foreach (var framework in frameworks.All.Where(fw => referenced.Contains(fw.Id)))
        {
            foreach (var requirement in ComplianceReport.Build(framework, findings.Select(f => f.Result)).Requirements)
            {
                Compliance(w, framework, requirement, at);
            }
        }

        w.WriteEndArray();
    }

    private static void Detection(Utf8JsonWriter w, Finding f, CheckMetadata? meta)
    {
        var r = f.Result;
        w.WriteStartObject();
        w.WriteNumber("activity_id", 1);
        w.WriteString("activity_name", "Create");
        w.WriteNumber("category_uid", 2);
        w.WriteString("category_name", "Findings");
        w.WriteNumber("class_uid", 2004);
        w.WriteString("class_name", "Detection Finding");
        w.WriteNumber("type_uid", 200401);
        w.WriteString("type_name", "Detection Finding: Create");
        w.WriteNumber("severity_id", SeverityId(r.Severity));
        w.WriteString("severity", r.Severity.ToString());
        w.WriteNumber("status_id", f.ResolvedAt is not null ? 4 : r.Status == FindingStatus.Muted ? 3 : 1);
        w.WriteString("status", f.ResolvedAt is not null ? "Resolved" : r.Status == FindingStatus.Muted ? "Suppressed" : "New");
        w.WriteString("status_code", OutputNames.Status(r.Status));
        w.WriteString("status_detail", r.Message);
        w.WriteString("message", meta?.Title ?? r.CheckId);
        w.WriteNumber("time", f.LastSeen.ToUnixTimeMilliseconds());
        w.WriteStartObject("finding_info");
        w.WriteString("uid", $"argus-{r.CheckId}-{r.ResourceId}");
        w.WriteString("title", meta?.Title ?? r.CheckId);
        w.WriteString("desc", meta?.Description ?? "");
        w.WriteNumber("first_seen_time", f.FirstSeen.ToUnixTimeMilliseconds());
        w.WriteNumber("last_seen_time", f.LastSeen.ToUnixTimeMilliseconds());
        JsonOutput.Strings(w, "types", [meta?.Service ?? "", r.CheckId]);
        w.WriteEndObject();
        Metadata(w, r.CheckId);
        w.WriteStartObject("cloud");
        w.WriteString("provider", "AWS");
        w.WriteString("region", r.Region);
        w.WriteStartObject("account");
        w.WriteString("uid", r.Account);
        w.WriteString("type", "AWS Account");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("uid", r.ResourceId);
        w.WriteString("type", meta?.ResourceType ?? "");
        w.WriteString("region", r.Region);
        w.WriteString("cloud_partition", "aws");
        JsonOutput.WriteEvidence(w, "data", r.Evidence);
        w.WriteEndObject();
        w.WriteEndArray();
        if (meta is not null)
        {
            w.WriteStartObject("remediation");
            w.WriteString("desc", meta.Remediation.Cli);
            JsonOutput.Strings(w, "references", meta.References);
            w.WriteEndObject();
            w.WriteString("risk_details", meta.Risk);
        }

        w.WriteStartObject("unmapped");
        JsonOutput.Strings(w, "compliance", r.Frameworks.Select(x => $"{x.Framework}:{x.Requirement}"));
        w.WriteString("snapshot", f.LastSnapshotId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Compliance(Utf8JsonWriter w, Framework framework, RequirementResult requirement, DateTimeOffset at)
    {
        var (statusId, status) = requirement.Status switch
        {
            FindingStatus.Pass => (1, "Pass"),
            FindingStatus.Fail => (3, "Fail"),
            _ => (2, "Warning"),
        };
        w.WriteStartObject();
        w.WriteNumber("activity_id", 1);
        w.WriteNumber("category_uid", 2);
        w.WriteString("category_name", "Findings");
        w.WriteNumber("class_uid", 2003);
        w.WriteString("class_name", "Compliance Finding");
        w.WriteNumber("type_uid", 200301);
        w.WriteNumber("severity_id", 0);
        w.WriteNumber("time", at.ToUnixTimeMilliseconds());
        w.WriteString("message", requirement.Requirement.Title);
        w.WriteStartObject("finding_info");
        w.WriteString("uid", $"argus-{framework.Id}-{requirement.Requirement.Id}");
        w.WriteString("title", requirement.Requirement.Title);
        w.WriteEndObject();
        Metadata(w, framework.Id);
        w.WriteStartObject("compliance");
        JsonOutput.Strings(w, "standards", [framework.Name]);
        JsonOutput.Strings(w, "requirements", [requirement.Requirement.Id]);
        w.WriteString("control", requirement.Requirement.Section);
        w.WriteNumber("status_id", statusId);
        w.WriteString("status", status);
        w.WriteString("status_detail", requirement.Evaluated
            ? $"{OutputNames.Status(requirement.Status)}: {requirement.Counts.Pass} pass, {requirement.Counts.Fail} fail, {requirement.Counts.Manual} manual, {requirement.Counts.Error + requirement.Counts.NotAuthorized} without data, {requirement.Counts.Muted} muted"
            : $"not evaluated: {requirement.Requirement.Reason}");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter w, string productUid)
    {
        w.WriteStartObject("metadata");
        w.WriteString("version", Version);
        w.WriteStartObject("product");
        w.WriteString("name", "Argus");
        w.WriteString("vendor_name", "Argus contributors");
        w.WriteString("uid", productUid);
        w.WriteString("version", typeof(OcsfWriter).Assembly.GetName().Version?.ToString(3));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static int SeverityId(Severity severity) => severity switch
    {
        Severity.Informational => 1,
        Severity.Low => 2,
        Severity.Medium => 3,
        Severity.High => 4,
        _ => 5,
    };
}
