using Argus.Core.Model;
using Argus.Posture.Checks;

namespace Argus.Posture.Outputs;

/// <summary>Findings as RFC 4180 CSV, one row per (check, resource), with the check's title and framework references.</summary>
public static class CsvFindingsWriter
{
    public static readonly string[] Header =
        ["status", "severity", "check", "title", "account", "region", "resource", "message", "frameworks", "first_seen", "last_seen", "resolved_at", "snapshot"];

    public static void Write(TextWriter writer, IEnumerable<Finding> findings, CheckCatalog checks)
    {
        Row(writer, Header);
        foreach (var f in findings)
        {
            var r = f.Result;
            Row(writer,
            [
                OutputNames.Status(r.Status), OutputNames.Severity(r.Severity), r.CheckId, checks.Find(r.CheckId)?.Metadata.Title ?? "", r.Account, r.Region, r.ResourceId, r.Message,
                string.Join(";", r.Frameworks.Select(x => $"{x.Framework}:{x.Requirement}")), f.FirstSeen.ToString("o"), f.LastSeen.ToString("o"), f.ResolvedAt?.ToString("o") ?? "", f.LastSnapshotId,
            ]);
        }
    }

    private static void Row(TextWriter writer, IEnumerable<string> cells) =>
        writer.WriteLine(string.Join(",", cells.Select(c => c.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)));
}
