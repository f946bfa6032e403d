using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Cli.Wiring;
using Argus.Kubernetes.Collection;
using Argus.Storage.Bundles;
using Argus.Storage.Import;

namespace Argus.Cli.Commands;

/// <summary><c>argus collect k8s</c>: one cluster's API answers into a snapshot.</summary>
public static class KubernetesCollectCommand
{
    public static Command Create(CliContext context)
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "The kubeconfig file. Default: $KUBECONFIG, else ~/.kube/config.", HelpName = "FILE" };
        var kubeContext = new Option<string?>("--context") { Description = "The kubeconfig context to use. Default: the current context.", HelpName = "NAME" };
        var inCluster = new Option<bool>("--in-cluster") { Description = "Use the pod's service account (when Argus runs inside the cluster)." };
        var cluster = new Option<string?>("--cluster-name") { Description = "The name to store the cluster under. Default: the context name, or the API server's host in-cluster.", HelpName = "NAME" };
        var pageSize = new Option<int>("--page-size") { Description = "Objects per list call (limit); larger pages mean fewer calls.", DefaultValueFactory = _ => 500, HelpName = "N" };
        var bundle = new Option<string?>("--bundle") { Description = "Also export the snapshot as a bundle (.tar.gz or folder) to this path.", HelpName = "PATH" };
        var label = new Option<string?>("--label") { Description = "A label stored with the snapshot.", HelpName = "TEXT" };
        var command = new Command("k8s", """
            Collect one Kubernetes cluster, read-only, into a snapshot in the store.

            Argus lists, with paging, the resources in 'argus permissions --provider k8s' across all namespaces:
            nodes, namespaces, workloads, services, ingresses, network policies, service accounts, RBAC, storage
            classes, volume attachments and admission webhooks. It never requests Secrets or ConfigMaps. A list the
            cluster forbids becomes a coverage gap naming the verb and resource, and collection goes on.
            'argus onboarding k8s' prints the read-only RBAC to apply first.

            Examples:
              argus collect k8s
              argus collect k8s --context prod-eu --label 'audit 2026-Q4'
              argus collect k8s --in-cluster --cluster-name prod-eu --bundle prod-eu.tar.gz
            """)
        {
            kubeconfig, kubeContext, inCluster, cluster, pageSize, bundle, label,
        };
        command.SetAction(context, (parse, cancellation) =>
        {
            if (parse.GetValue(pageSize) < 1)
            {
                throw new CliException("--page-size must be positive");
            }

            KubernetesTarget target;
            try
            {
                target = parse.GetValue(inCluster)
                    ? KubernetesTarget.InCluster(parse.GetValue(cluster))
                    : KubernetesTarget.FromKubeconfig(parse.GetValue(kubeconfig), parse.GetValue(kubeContext), parse.GetValue(cluster));
            }
            catch (KubernetesConnectionException e)
            {
                throw new CliException(e.Message, ExitCodes.BadInput);
            }

            using var client = target.Connect();
            using var store = Stores.Open(parse.GetValue(CommonOptions.Db));
            var importer = new SnapshotImporter(store, Normalizers.All);
            var options = new KubernetesCollectionOptions { PageSize = parse.GetValue(pageSize), Label = parse.GetValue(label) };
            ImportResult result;
            try
            {
                result = ImportProgressDisplay.Run(context, $"Collecting Kubernetes cluster {target.Cluster}", p =>
                    importer.Import(new KubernetesCollector(client, target.Cluster, options, new CallsAsDocuments(p), cancellation), p, CancellationToken.None));
            }
            catch (KubernetesConnectionException e)
            {
                throw new CliException($"{target.Cluster}: {e.Message}; nothing was collected");
            }

            ImportCommand.Report(context, result, store.Description);
            if (parse.GetValue(bundle) is { } path)
            {
                var full = Path.GetFullPath(path);
                BundleWriter.Write(result.Snapshot, store.ReadDocuments(result.Snapshot.Id), full);
                context.Out.WriteLine($"Exported {result.Snapshot.Id} to {full}");
            }

            return result.Snapshot.Status == Core.Model.SnapshotStatus.Cancelled ? ExitCodes.Cancelled : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Shows list calls as the import display's reading stage.</summary>
    private sealed class CallsAsDocuments(IProgress<ImportProgress> inner) : IProgress<KubernetesCollectionProgress>
    {
        public void Report(KubernetesCollectionProgress value) =>
            inner.Report(new ImportProgress(ImportStage.ReadingDocuments, value.CallsDone, null, $"{value.Resource}, {value.Gaps} gaps"));
    }
}
