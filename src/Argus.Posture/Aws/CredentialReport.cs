using System.Text;
using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Posture.Aws;

/// <summary>
/// The IAM credential report as <c>aws iam get-credential-report</c> prints it: CSV, base64-encoded in <c>Content</c>.
/// </summary>
public static class CredentialReport
{
    /// <exception cref="FormatException">Content is not base64 or has no header line.</exception>
    public static IReadOnlyList<CredentialReportRow> Parse(JsonElement answer)
    {
        var content = answer.GetString("Content") ?? throw new FormatException("credential report without Content");
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(content));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            throw new FormatException("credential report without a header line");
        }

        var header = lines[0].Split(',');
        var rows = new List<CredentialReportRow>(lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var values = line.Split(',');
            var cells = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < values.Length; i++)
            {
                cells[header[i]] = values[i];
            }

            rows.Add(new CredentialReportRow(cells));
        }

        return rows;
    }
}
