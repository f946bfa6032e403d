using k8s;
using k8s.Exceptions;

namespace Argus.Kubernetes.Collection;

/// <summary>
/// A cluster to collect and the name its documents are stored under, resolved from a kubeconfig context
/// (<c>--kubeconfig</c>, else <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>) or the in-cluster service account.
/// </summary>
public sealed record KubernetesTarget(KubernetesClientConfiguration Configuration, string Cluster)
{
    /// <summary>
    /// From a kubeconfig file and context (the current context when null). The stored cluster name is
    /// <paramref name="clusterName"/>, else the context name.
    /// </summary>
    /// <exception cref="KubernetesConnectionException">No kubeconfig, or no such context, or it cannot be read.</exception>
    public static KubernetesTarget FromKubeconfig(string? kubeconfig, string? context, string? clusterName = null)
    {
        var path = kubeconfig
            ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path))
        {
            throw new KubernetesConnectionException($"no kubeconfig at {path}; pass --kubeconfig, set KUBECONFIG, or run inside the cluster with --in-cluster");
        }

        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context);
            var name = clusterName ?? configuration.CurrentContext ?? new Uri(configuration.Host).Host;
            return new KubernetesTarget(configuration, name);
        }
        catch (KubeConfigException e)
        {
            throw new KubernetesConnectionException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// From the pod's service account (<c>KUBERNETES_SERVICE_HOST</c> and the mounted token). The stored name is
    /// <paramref name="clusterName"/>, else the API server's host.
    /// </summary>
    public static KubernetesTarget InCluster(string? clusterName = null)
    {
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            throw new KubernetesConnectionException("not running inside a Kubernetes pod (no KUBERNETES_SERVICE_HOST or service account token)");
        }

        var configuration = KubernetesClientConfiguration.InClusterConfig();
        return new KubernetesTarget(configuration, clusterName ?? new Uri(configuration.Host).Host);
    }

    /// <summary>A client for the target; the caller disposes it.</summary>
    public IKubernetes Connect() => new k8s.Kubernetes(Configuration);
}
