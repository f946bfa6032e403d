using System.CommandLine;
using System.Text.Json;
using Argus.Aws.Permissions;
using Argus.Cli.Terminal;
using Argus.Core.Permissions;

namespace Argus.Cli.Commands;

public static class PermissionsCommand
{
    /// <summary>The <c>--features</c> option shared with onboarding: comma-separated feature names.</summary>
    public static Option<string?> FeaturesOption() => new("--features")
    {
        Description = $"Comma-separated features: {string.Join(", ", Features.All)}. Default: the read-only ones ({string.Join(", ", Features.ReadOnlyDefault)}).",
        HelpName = "LIST",
    };

    public static IReadOnlyList<string> ParseFeatures(string? value)
    {
        if (value is null)
        {
            return Features.ReadOnlyDefault;
        }

        try
        {
            return AwsPermissionCatalog.ParseFeatures(value.Split(','));
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }

    public static Command Create(CliContext context)
    {
        var features = FeaturesOption();
        var format = CommonOptions.Format("table", "markdown", "json");
        var provider = new Option<string>("--provider") { Description = "aws: IAM actions; k8s: Kubernetes resources and RBAC verbs.", DefaultValueFactory = _ => "aws" };
        provider.AcceptOnlyFromAmong("aws", "k8s");
        var command = new Command("permissions", """
            List every AWS permission Argus asks for, grouped by feature, with its access level and why it is needed.

            Argus declares each action once; the policies from 'argus onboarding aws' are generated from the same list.
            Only vuln.vm-scan and remediation.* contain write actions, and they are never selected by default.

            Examples:
              argus permissions
              argus permissions --features posture,vuln.images --format markdown
              argus permissions --features vuln.vm-scan --format json
              argus permissions --provider k8s
            """)
        {
            features, format, provider,
        };
        command.SetAction(context, (parse, _) =>
        {
            var selected = ParseFeatures(parse.GetValue(features));
            if (parse.GetValue(provider) == "k8s")
            {
                KubernetesPermissionsView.Write(context, selected, parse.GetValue(format)!);
                return ExitCodes.Ok;
            }

            switch (parse.GetValue(format))
            {
                case "markdown":
                    context.Out.Write(PermissionsPage.Markdown(selected));
                    break;
                case "json":
                    var rows = selected.Select(f => new
                    {
                        feature = f,
                        permissions = AwsPermissionCatalog.Instance.For([f]).OrderBy(p => p.Action, StringComparer.Ordinal).Select(p => new
                        {
                            action = p.Action,
                            access = p.Access == AccessLevel.Read ? "read" : "write",
                            required = p.Required,
                            justification = p.Justification,
                        }),
                    });
                    context.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
                    break;
                default:
                    TableWriter.Write(
                        context,
                        ["feature", "action", "access", "required", "justification"],
                        selected.SelectMany(f => AwsPermissionCatalog.Instance.For([f]).OrderBy(p => p.Action, StringComparer.Ordinal)
                            .Select(p => (IReadOnlyList<string>)[f, p.Action, p.Access == AccessLevel.Read ? "read" : "write", p.Required ? "required" : "optional", p.Justification])));
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
