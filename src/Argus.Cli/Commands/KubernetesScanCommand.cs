using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Core.Model;
using Argus.Kubernetes.Checks;
using Argus.Kubernetes.Objects;
using Argus.Storage;

namespace Argus.Cli.Commands;

/// <summary><c>argus scan k8s</c>: the Kubernetes checks on a stored snapshot, recorded as findings.</summary>
public static class KubernetesScanCommand
{
    public static Command Create(CliContext context)
    {
        var snapshot = CommonOptions.Snapshot;
        var format = CommonOptions.Format("table", "json");
        var failOn = KubernetesResults.FailOn();
        var all = KubernetesResults.ShowPassed();
        var command = new Command("k8s", $"""
            Run the Kubernetes checks on the clusters of a stored snapshot and record the findings.

            Reads only the snapshot (collect it first with 'argus collect k8s', or import a bundle), never the
            cluster. Findings keep their history across scans: new, still open, resolved. A check whose data a
            coverage gap says could not be listed reports not-authorized or error naming the permission, never
            pass. Exit code {ExitCodes.FindingsAtOrAbove} with --fail-on when a check fails at that severity or above.

            Examples:
              argus scan k8s
              argus scan k8s --snapshot snap-20261125 --format json
              argus scan k8s --fail-on critical
            """)
        {
            snapshot, format, failOn, all,
        };
        command.SetAction(context, (parse, _) =>
        {
            var threshold = KubernetesResults.ParseSeverity(parse.GetValue(failOn));
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var found = CommandRunner.ResolveSnapshot(store, parse.GetValue(snapshot)!);
            var clusters = SnapshotObjects.Read(store.ReadDocuments(found.Id, new DocumentQuery(Provider: Provider.Kubernetes)), found.Gaps);
            if (clusters.Count == 0)
            {
                throw new CliException($"snapshot {found.Id} holds no Kubernetes documents; collect one with 'argus collect k8s'", ExitCodes.BadInput);
            }

            var results = clusters.SelectMany(c => KubernetesCheckEngine.Run(c)).ToList();
            var update = store.RecordFindings(found.Id, found.StartedAt, KubernetesChecks.All.Select(c => c.Metadata.Id).ToList(),
                clusters.Select(c => new Scope(Provider.Kubernetes, c.Cluster, "*")).ToList(), results);
            if (parse.GetValue(format) == "json")
            {
                KubernetesResults.Json(context, results);
            }
            else
            {
                context.Out.WriteLine($"Snapshot {found.Id}: {string.Join(", ", clusters.Select(c => $"cluster {c.Cluster} ({c.Count:N0} objects, {c.Gaps.Count} gaps)"))}");
                KubernetesResults.Table(context, results, parse.GetValue(all));
            }

            context.Error.WriteLine($"Findings recorded in {store.Description}: {update.New} new, {update.StillOpen} still open, {update.Reopened} reopened, {update.Resolved} resolved.");
            return FailOn.ExitCode(context, results, threshold);
        });
        return command;
    }
}
