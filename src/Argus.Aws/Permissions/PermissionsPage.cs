using System.Text;
using Argus.Core.Permissions;

namespace Argus.Aws.Permissions;

/// <summary>The catalog as a permissions page grouped by feature: what <c>argus permissions --format markdown</c> prints and docs/permissions.md holds.</summary>
public static class PermissionsPage
{
    public static string Markdown(IReadOnlyList<string> features)
    {
        var text = new StringBuilder();
        foreach (var feature in features)
        {
            var entries = AwsPermissionCatalog.Instance.For([feature]).OrderBy(p => p.Action, StringComparer.Ordinal).ToList();
            text.Append($"### `{feature}`\n\n");
            text.Append($"{entries.Count} actions{(Features.ReadOnlyDefault.Contains(feature) ? ", granted by default" : ", opt-in")}.\n\n");
            text.Append("| action | access | required | justification |\n| --- | --- | --- | --- |\n");
            foreach (var p in entries)
            {
                text.Append($"| `{p.Action}` | {(p.Access == AccessLevel.Read ? "read" : "**write**")} | {(p.Required ? "required" : "optional")} | {p.Justification.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
