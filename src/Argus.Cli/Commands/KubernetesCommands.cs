using System.CommandLine;
using Argus.Cli.Terminal;

namespace Argus.Cli.Commands;

/// <summary>
/// Adds the Kubernetes commands: <c>argus k8s</c>, and <c>k8s</c> under <c>collect</c>, <c>scan</c> (created when
/// no other engine has added it yet) and <c>onboarding</c>. Called once, after the other commands are added.
/// </summary>
public static class KubernetesCommands
{
    public static void AddTo(RootCommand root, CliContext context)
    {
        root.Subcommands.Add(KubernetesCommand.Create(context));
        Parent(root, "collect").Subcommands.Add(KubernetesCollectCommand.Create(context));
        Parent(root, "onboarding").Subcommands.Add(KubernetesOnboardingCommand.Create(context));
        var scan = root.Subcommands.FirstOrDefault(c => c.Name == "scan");
        if (scan is null)
        {
            scan = new Command("scan", """
                Analyse a stored snapshot and record the findings.

                Examples:
                  argus scan k8s
                """);
            root.Subcommands.Add(scan);
        }

        scan.Subcommands.Add(KubernetesScanCommand.Create(context));
    }

    private static Command Parent(RootCommand root, string name) =>
        root.Subcommands.FirstOrDefault(c => c.Name == name) ?? throw new InvalidOperationException($"the '{name}' command must be added before the Kubernetes commands");
}
