using System.Text.Json;
using Argus.Core.Import;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Objects;
using Argus.Kubernetes.Permissions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Argus.Kubernetes.Manifests;

/// <summary>
/// Reads Kubernetes manifests: a file or a folder (recursively, *.yaml, *.yml, *.json), multi-document YAML,
/// <c>List</c> kinds and Helm output (its <c># Source:</c> comments and empty documents). A file that is not
/// valid YAML is reported with its line and column and the other files are still read; the documents before
/// the error in that file are kept.
/// </summary>
public static class ManifestLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Cluster-scoped kinds beyond the collected ones, so their objects are not placed in a namespace.</summary>
    private static readonly HashSet<string> ClusterScopedKinds = new(StringComparer.Ordinal)
    {
        "PersistentVolume", "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "APIService",
        "CertificateSigningRequest", "PodSecurityPolicy", "CSIDriver", "CSINode", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    };

    /// <exception cref="ImportException">The path does not exist.</exception>
    public static ManifestSet Load(string path)
    {
        var full = Path.GetFullPath(path);
        IEnumerable<string> files = File.Exists(full)
            ? [full]
            : Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                : throw new ImportException(path, "no such file or folder");
        var objects = new List<KubeObject>();
        var errors = new List<ImportException>();
        var notices = new List<ImportNotice>();
        var read = new List<string>();
        foreach (var file in files)
        {
            read.Add(file);
            LoadFile(file, objects, errors, notices);
        }

        return new ManifestSet(objects, read, errors, notices);
    }

    /// <summary>Reads one YAML or JSON text (JSON is YAML), as if from <paramref name="origin"/>.</summary>
    public static ManifestSet Parse(string text, string origin)
    {
        var objects = new List<KubeObject>();
        var errors = new List<ImportException>();
        var notices = new List<ImportNotice>();
        LoadText(text, origin, objects, errors, notices);
        return new ManifestSet(objects, [origin], errors, notices);
    }

    private static void LoadFile(string file, List<KubeObject> objects, List<ImportException> errors, List<ImportNotice> notices)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ImportException(file, $"cannot read: {e.Message}"));
            return;
        }

        LoadText(text, file, objects, errors, notices);
    }

    private static void LoadText(string text, string origin, List<KubeObject> objects, List<ImportException> errors, List<ImportNotice> notices)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // Documents read before the error are in the stream and still checked.
            errors.Add(new ImportException(origin, $"invalid YAML: {Inner(e)}", e.Start.Line, e.Start.Column, e));
        }

        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            var line = root.Start.Line;
            if (root is not YamlMappingNode)
            {
                if (!(root is YamlScalarNode { Value: null or "" }))
                {
                    notices.Add(new ImportNotice(ImportNoticeKind.Skipped, $"{origin}:{line}", "not a Kubernetes object (the document is not a mapping)"));
                }

                continue;
            }

            JsonElement json;
            try
            {
                json = YamlJson.ToJson(root);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
            {
                errors.Add(new ImportException(origin, $"cannot convert to JSON: {e.Message}", line, root.Start.Column, e));
                continue;
            }

            Add(json, origin, line, objects, notices);
        }
    }

    private static void Add(JsonElement json, string origin, long line, List<KubeObject> objects, List<ImportNotice> notices)
    {
        var kind = json.GetString("kind");
        var apiVersion = json.GetString("apiVersion");
        if (kind is null || apiVersion is null)
        {
            notices.Add(new ImportNotice(ImportNoticeKind.Skipped, $"{origin}:{line}", "not a Kubernetes object (no kind or apiVersion)"));
            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                Add(item, origin, line, objects, notices);
            }

            return;
        }

        var metadata = json.GetObject("metadata");
        var name = metadata?.GetString("name") ?? metadata?.GetString("generateName") ?? "";
        var clusterScoped = ClusterScopedKinds.Contains(kind) || KubernetesPermissionCatalog.Instance.ForKind(kind) is { Namespaced: false };
        var ns = clusterScoped ? Regions.Global : metadata?.GetString("namespace") ?? "default";
        objects.Add(new KubeObject(ManifestSet.Cluster, kind, apiVersion, ns, name, json, $"{origin}:{line}"));
    }

    private static string Inner(YamlException e) =>
        (e.InnerException as YamlException)?.Message ?? e.Message;
}
