using System.Text.Json;
using Argus.Core.Import;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Permissions;

namespace Argus.Kubernetes.Objects;

/// <summary>Turns a snapshot's stored Kubernetes list answers into one <see cref="ObjectSet"/> per cluster.</summary>
public static class SnapshotObjects
{
    /// <summary>
    /// Reads every Kubernetes document (others are ignored). Documents whose operation the catalog does not know
    /// are skipped, since their kind is unknown.
    /// </summary>
    /// <exception cref="ImportException">A stored document is not valid JSON.</exception>
    public static IReadOnlyList<ObjectSet> Read(IEnumerable<RawDocument> documents, IReadOnlyList<CoverageGap> gaps)
    {
        var byCluster = new SortedDictionary<string, List<KubeObject>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Provider != Provider.Kubernetes
                || KubernetesPermissionCatalog.Instance.ForDocument(document.Service, document.Operation) is not { } resource)
            {
                continue;
            }

            if (!byCluster.TryGetValue(document.Account, out var objects))
            {
                byCluster[document.Account] = objects = [];
            }

            objects.AddRange(Objects(document, resource));
        }

        foreach (var cluster in gaps.Where(g => g.Provider == Provider.Kubernetes).Select(g => g.Account))
        {
            byCluster.TryAdd(cluster, []);
        }

        return byCluster.Select(c => new ObjectSet(c.Key, c.Value, gaps.Where(g => g.Provider == Provider.Kubernetes && g.Account == c.Key).ToList(), fromManifests: false)).ToList();
    }

    /// <summary>The items of one stored list answer, with the kind and apiVersion the API leaves out of list items.</summary>
    /// <exception cref="ImportException">The document is not valid JSON.</exception>
    public static IEnumerable<KubeObject> Objects(RawDocument document, KubernetesResource resource)
    {
        JsonDocument json;
        try
        {
            // The objects keep elements of this document, so it stays alive with them.
            json = JsonDocument.Parse(document.Json, JsonText.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw ImportException.FromJson(document.ToString(), e);
        }

        foreach (var item in json.RootElement.GetArray("items"))
        {
            var metadata = item.GetObject("metadata");
            var name = metadata?.GetString("name") ?? "";
            var ns = resource.Namespaced ? metadata?.GetString("namespace") ?? document.Region : Regions.Global;
            yield return new KubeObject(document.Account, item.GetString("kind") ?? resource.Kind, item.GetString("apiVersion") ?? resource.ApiVersion, ns, name, item, document.ToString());
        }
    }
}
