using Argus.Core.Model;
using Argus.Posture.Checks;

namespace Argus.Posture.Outputs;

/// <summary>Findings as a JSON array, each with its check's title, evidence and history.</summary>
public static class JsonFindingsWriter
{
    public static void Write(Stream stream, IEnumerable<Finding> findings, CheckCatalog checks)
    {
        using var w = JsonOutput.Open(stream);
        w.WriteStartArray();
        foreach (var f in findings)
        {
            var r = f.Result;
            w.WriteStartObject();
            w.WriteString("status", OutputNames.Status(r.Status));
            w.WriteString("severity", OutputNames.Severity(r.Severity));
            w.WriteString("check", r.CheckId);
            w.WriteString("title", checks.Find(r.CheckId)?.Metadata.Title);
            w.WriteString("provider", r.Provider.ToName());
            w.WriteString("account", r.Account);
            w.WriteString("region", r.Region);
            w.WriteString("resource", r.ResourceId);
            w.WriteString("message", r.Message);
            JsonOutput.WriteEvidence(w, "evidence", r.Evidence);
            JsonOutput.Strings(w, "frameworks", r.Frameworks.Select(x => $"{x.Framework}:{x.Requirement}"));
            w.WriteString("firstSeen", f.FirstSeen);
            w.WriteString("lastSeen", f.LastSeen);
            if (f.ResolvedAt is { } resolved)
            {
                w.WriteString("resolvedAt", resolved);
            }
            else
            {
                w.WriteNull("resolvedAt");
            }

            w.WriteString("snapshot", f.LastSnapshotId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
