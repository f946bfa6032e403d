using System.Text;
using System.Text.Json;
using Argus.Cli.Terminal;
using Argus.Kubernetes.Permissions;

namespace Argus.Cli.Commands;

/// <summary>What <c>argus permissions --provider k8s</c> prints: each Kubernetes resource, its verbs, features and why.</summary>
public static class KubernetesPermissionsView
{
    public static void Write(CliContext context, IReadOnlyList<string> features, string format)
    {
        var rows = KubernetesPermissionCatalog.Instance.Resources.Where(r => r.Features.Any(features.Contains)).ToList();
        switch (format)
        {
            case "json":
                context.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
                {
                    resource = r.QualifiedName,
                    apiGroup = r.Service,
                    verbs = r.Verbs,
                    scope = r.Collected ? "cluster" : "namespace argus-scans",
                    features = r.Features,
                    justification = r.Justification,
                }), CliJson.Options));
                break;
            case "markdown":
                var text = new StringBuilder("| resource | API group | verbs | scope | features | justification |\n| --- | --- | --- | --- | --- | --- |\n");
                foreach (var r in rows)
                {
                    text.Append($"| `{r.Plural}` | `{r.Service}` | {string.Join(", ", r.Verbs)} | {(r.Collected ? "cluster" : "namespace argus-scans")} | {string.Join(", ", r.Features)} | {r.Justification} |\n");
                }

                text.Append("\nNever granted: `secrets`, `configmaps`, and every verb that writes outside the argus-scans namespace.\n");
                context.Out.Write(text.ToString());
                break;
            default:
                TableWriter.Write(context, ["resource", "verbs", "scope", "features", "justification"],
                    rows.Select(r => (IReadOnlyList<string>)[r.QualifiedName, string.Join(",", r.Verbs), r.Collected ? "cluster" : "ns argus-scans", string.Join(",", r.Features), r.Justification]));
                break;
        }
    }
}
