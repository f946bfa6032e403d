using System.CommandLine;
using Argus.Cli.Commands;
using Argus.Cli.Terminal;

namespace Argus.Cli;

/// <summary>The <c>argus</c> command line: builds the command tree and runs it.</summary>
public static class ArgusApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("""
            Argus: agentless, read-only cloud security for AWS and Kubernetes (Azure next).

            Argus keeps immutable snapshots of your clouds' configuration (raw API answers, never the data in buckets,
            databases or secrets), turns them into an inventory of assets and relations, and analyses them: posture
            (CIS AWS Foundations v7.0 and v3.0), exact reachability and internet exposure, firewall rule usage from
            flow logs, Kubernetes checks, and known vulnerabilities in filesystems and container images.

            Start with 'argus demo': it builds a realistic AWS organization locally and shows what Argus sees.
            """)
        {
            CommonOptions.Db,
        };
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(CollectCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(SnapshotsCommand.Create(context));
        root.Subcommands.Add(InventoryCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(PermissionsCommand.Create(context));
        root.Subcommands.Add(OnboardingCommand.Create(context));
        root.Subcommands.Add(DoctorCommand.Create(context));
        root.Subcommands.Add(FsCommand.Create(context));
        root.Subcommands.Add(ImageCommand.Create(context));
        root.Subcommands.Add(DiskCommand.Create(context));
        root.Subcommands.Add(OsvCommand.Create(context));
        root.Subcommands.Add(ReachCommand.Create(context));
        root.Subcommands.Add(ExposureCommand.Create(context));
        root.Subcommands.Add(TopologyCommand.Create(context));
        root.Subcommands.Add(ScanCommand.Create(context));
        root.Subcommands.Add(FindingsCommand.Create(context));
        root.Subcommands.Add(ComplianceCommand.Create(context));
        root.Subcommands.Add(ChecksCommand.Create(context));
        root.Subcommands.Add(RuleUsageCommand.Create(context));
        root.Subcommands.Add(VmScanCommand.Create(context));
        KubernetesCommands.AddTo(root, context);
        InHelpOrder(root);
        UseShortSummaries(root);
        return root;
    }

    /// <summary>The order 'argus --help' lists commands in: first steps, then each engine, then access set-up.</summary>
    private static readonly string[] HelpOrder =
    [
        "demo", "scan", "collect", "import", "export", "snapshots", "inventory", "diff",
        "findings", "compliance", "checks", "reach", "exposure", "topology", "rule-usage", "k8s", "image", "fs", "disk", "vm-scan", "osv",
        "permissions", "onboarding", "doctor",
    ];

    private static void InHelpOrder(RootCommand root)
    {
        var ordered = root.Subcommands.OrderBy(c => Array.IndexOf(HelpOrder, c.Name) is var i and >= 0 ? i : int.MaxValue).ToList();
        root.Subcommands.Clear();
        foreach (var command in ordered)
        {
            root.Subcommands.Add(command);
        }
    }

    /// <summary>
    /// 'argus --help' lists each command by the first sentence of its description, so it fits on a screen; a
    /// command's own --help still shows its whole description and examples.
    /// </summary>
    private static void UseShortSummaries(RootCommand root)
    {
        var help = root.Options.OfType<System.CommandLine.Help.HelpOption>().First();
        help.Action = new RootHelpAction(root, help.Action!);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = CliContext.For(stdout, stderr);
        var root = Build(context);
        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,

            // Ctrl-C stops a live collection, which then still commits what it collected; the default 2 s would
            // end the process before that commit.
            ProcessTerminationTimeout = TimeSpan.FromMinutes(2),
        };
        return await root.Parse(args).InvokeAsync(configuration);
    }
}
