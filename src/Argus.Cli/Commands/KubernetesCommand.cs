using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Kubernetes.Checks;
using Argus.Kubernetes.Manifests;
using Argus.Kubernetes.Output;

namespace Argus.Cli.Commands;

/// <summary><c>argus k8s</c>: Kubernetes manifest scanning and the check catalog.</summary>
public static class KubernetesCommand
{
    public static Command Create(CliContext context)
    {
        var k8s = new Command("k8s", """
            Scan Kubernetes manifests before they are deployed, and list the Kubernetes checks.

            Live clusters are collected with 'argus collect k8s' and analysed with 'argus scan k8s'.

            Examples:
              argus k8s scan --manifests deploy/
              helm template shop ./chart > shop.yaml && argus k8s scan --manifests shop.yaml --fail-on high
              argus k8s checks
            """);
        k8s.Subcommands.Add(Scan(context));
        k8s.Subcommands.Add(Checks(context));
        return k8s;
    }

    private static Command Scan(CliContext context)
    {
        var manifests = new Option<string>("--manifests", "-m") { Description = "A YAML or JSON file, or a folder read recursively (*.yaml, *.yml, *.json).", HelpName = "FILE|FOLDER", Required = true };
        var format = CommonOptions.Format("table", "json", "sarif");
        var failOn = KubernetesResults.FailOn();
        var all = KubernetesResults.ShowPassed();
        var command = new Command("scan", $"""
            Run the Kubernetes checks on manifests: multi-document YAML, List kinds, Helm output.

            The same checks as 'argus scan k8s' on a live cluster: workload hardening (Pod Security Standards),
            RBAC (who can read secrets, exec, escalate, is cluster-admin) and network exposure. Pods owned by a
            controller in the same files are judged through their controller. A file that is not valid YAML is
            reported with its line and the other files are still scanned (exit code 2 at the end). Exit code
            {ExitCodes.FindingsAtOrAbove} with --fail-on when a check fails at that severity or above.

            Examples:
              argus k8s scan --manifests deploy/
              argus k8s scan -m shop.yaml --format sarif > argus.sarif
              helm template shop ./chart | tee shop.yaml >/dev/null; argus k8s scan -m shop.yaml --fail-on high
            """)
        {
            manifests, format, failOn, all,
        };
        command.SetAction(context, (parse, _) =>
        {
            var threshold = KubernetesResults.ParseSeverity(parse.GetValue(failOn));
            var path = parse.GetValue(manifests)!;
            var set = ManifestLoader.Load(path);
            foreach (var error in set.Errors)
            {
                context.Error.WriteLine($"error: {error.Message}");
            }

            foreach (var notice in set.Notices)
            {
                context.Error.WriteLine($"note: {notice}");
            }

            var located = KubernetesCheckEngine.RunLocated(set.ToObjectSet());
            var results = located.Select(r => r.Result).ToList();
            var full = Path.GetFullPath(path);
            var baseFolder = Directory.Exists(full) ? full : Path.GetDirectoryName(full);
            switch (parse.GetValue(format))
            {
                case "json":
                    KubernetesResults.Json(context, results);
                    break;
                case "sarif":
                    context.Out.WriteLine(SarifWriter.Write(located, baseFolder));
                    break;
                default:
                    context.Out.WriteLine($"{set.Objects.Count} objects in {set.Files.Count} files");
                    KubernetesResults.Table(context, located.Select(r => (r.Result, Where(r.Origin, baseFolder))).ToList(), parse.GetValue(all));
                    break;
            }

            var code = FailOn.ExitCode(context, results, threshold);
            return set.Errors.Count > 0 ? ExitCodes.BadInput : code;
        });
        return command;
    }

    /// <summary><c>deploy/app.yaml:12</c>, relative to the scanned folder.</summary>
    private static string? Where(string? origin, string? baseFolder) =>
        origin is null || baseFolder is null ? origin : Path.GetRelativePath(baseFolder, origin);

    private static Command Checks(CliContext context)
    {
        var format = CommonOptions.Format("table", "json");
        var command = new Command("checks", """
            List the Kubernetes checks: id, severity, title and the framework requirements each maps to.

            Frameworks: pss-baseline and pss-restricted (Pod Security Standards controls), nsa-cisa-k8s-1.2
            (NSA/CISA Kubernetes Hardening Guidance sections), cis-kubernetes-1.9 (CIS Kubernetes Benchmark items
            an API reader can evaluate).

            Examples:
              argus k8s checks
              argus k8s checks --format json
            """)
        {
            format,
        };
        command.SetAction(context, (parse, _) =>
        {
            var checks = KubernetesChecks.All.Select(c => c.Metadata).ToList();
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(checks, CliJson.Options));
            }
            else
            {
                TableWriter.Write(context, ["id", "severity", "title", "frameworks"],
                    checks.Select(m => (IReadOnlyList<string>)[m.Id, m.Severity.ToString().ToLowerInvariant(), m.Title, string.Join(", ", m.Frameworks.Select(f => $"{f.Framework}:{f.Requirement}"))]));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
