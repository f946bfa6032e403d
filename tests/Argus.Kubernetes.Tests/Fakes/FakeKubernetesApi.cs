using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Argus.Core.Model;
using Argus.Kubernetes.Manifests;
using Argus.Kubernetes.Objects;
using Argus.Kubernetes.Permissions;

namespace Argus.Tests;

/// <summary>
/// A Kubernetes API server stand-in on 127.0.0.1, fed from YAML objects: it answers discovery (<c>/api</c>,
/// <c>/apis</c>, <c>/api/v1</c>, <c>/apis/{group}/{version}</c>) and cluster-wide list calls in the real wire
/// format (List objects without per-item kind, <c>limit</c>/<c>continue</c> paging, Status objects for 403 and
/// 404), and records every request path so tests can prove what Argus never asked for.
/// </summary>
internal sealed class FakeKubernetesApi : IDisposable
{
    private static readonly (string Group, string Version, string Plural, string Kind, bool Namespaced)[] Served =
    [
        .. KubernetesPermissionCatalog.Instance.Collected.Select(r => (r.Group, r.Version, r.Plural, r.Kind, r.Namespaced)),
        ("", "v1", "secrets", "Secret", true),
        ("", "v1", "configmaps", "ConfigMap", true),
    ];

    private readonly Dictionary<string, List<KubeObject>> byKind;
    private readonly HashSet<string> forbidden;
    private readonly HashSet<string> servedGroupVersions;
    private readonly LoopbackHttpServer server;

    /// <param name="yaml">The cluster's objects as manifests (multi-document YAML).</param>
    /// <param name="forbidden">Resources answered with 403, as <c>kubectl auth can-i</c> names them: <c>pods</c>, <c>roles.rbac.authorization.k8s.io</c>.</param>
    /// <param name="withoutGroups">Group versions left out of discovery, e.g. <c>storage.k8s.io/v1</c>.</param>
    public FakeKubernetesApi(string yaml, IEnumerable<string>? forbidden = null, IEnumerable<string>? withoutGroups = null, bool concurrent = false)
        : this(ManifestLoader.Parse(yaml, "cluster.yaml").Objects, forbidden, withoutGroups, concurrent)
    {
    }

    public FakeKubernetesApi(IEnumerable<KubeObject> objects, IEnumerable<string>? forbidden = null, IEnumerable<string>? withoutGroups = null, bool concurrent = false)
    {
        byKind = objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).ToList());
        this.forbidden = new HashSet<string>(forbidden ?? [], StringComparer.Ordinal);
        var hidden = new HashSet<string>(withoutGroups ?? [], StringComparer.Ordinal);
        servedGroupVersions = Served.Select(s => s.Group.Length == 0 ? s.Version : $"{s.Group}/{s.Version}").Where(gv => !hidden.Contains(gv)).ToHashSet(StringComparer.Ordinal);
        server = new LoopbackHttpServer(Handle, concurrent);
    }

    public Uri Endpoint => server.Endpoint;

    /// <summary>Every request's path and query, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many more requests carrying a continue token are answered 410 Gone (an expired token).</summary>
    public int ExpireContinueTokens { get; set; }

    public void Dispose() => server.Dispose();

    private async Task Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.TrimEnd('/');
        Requests.Enqueue(context.Request.Url.PathAndQuery);
        var (status, body) = Answer(path, context.Request.QueryString["limit"], context.Request.QueryString["continue"]);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    private (HttpStatusCode, string) Answer(string path, string? limit, string? continueToken)
    {
        if (path == "/api")
        {
            return (HttpStatusCode.OK, Json(new { kind = "APIVersions", versions = new[] { "v1" }, serverAddressByClientCIDRs = new[] { new { clientCIDR = "0.0.0.0/0", serverAddress = "127.0.0.1:6443" } } }));
        }

        if (path == "/apis")
        {
            var groups = servedGroupVersions.Where(gv => gv.Contains('/', StringComparison.Ordinal)).Select(gv => gv.Split('/'))
                .GroupBy(p => p[0]).Select(g => new
                {
                    name = g.Key,
                    versions = g.Select(p => new { groupVersion = $"{p[0]}/{p[1]}", version = p[1] }).ToArray(),
                    preferredVersion = new { groupVersion = $"{g.Key}/{g.First()[1]}", version = g.First()[1] },
                });
            return (HttpStatusCode.OK, Json(new { kind = "APIGroupList", apiVersion = "v1", groups }));
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        (string Group, string Version, string Path)? target = parts switch
        {
            ["api", var v, .. var rest] => ("", v, string.Join('/', rest)),
            ["apis", var g, var v, .. var rest] => (g, v, string.Join('/', rest)),
            _ => null,
        };
        if (target is not { } t || !servedGroupVersions.Contains(t.Group.Length == 0 ? t.Version : $"{t.Group}/{t.Version}"))
        {
            return NotFound(path);
        }

        var resources = Served.Where(s => s.Group == t.Group && s.Version == t.Version).ToList();
        if (t.Path.Length == 0)
        {
            return (HttpStatusCode.OK, Json(new
            {
                kind = "APIResourceList",
                apiVersion = "v1",
                groupVersion = t.Group.Length == 0 ? t.Version : $"{t.Group}/{t.Version}",
                resources = resources.Select(r => new { name = r.Plural, singularName = "", namespaced = r.Namespaced, kind = r.Kind, verbs = new[] { "get", "list", "watch" } }),
            }));
        }

        if (resources.FirstOrDefault(r => r.Plural == t.Path) is not { Plural: not null } resource)
        {
            return NotFound(path);
        }

        var qualified = t.Group.Length == 0 ? resource.Plural : $"{resource.Plural}.{t.Group}";
        if (forbidden.Contains(qualified))
        {
            return (HttpStatusCode.Forbidden, Json(new
            {
                kind = "Status",
                apiVersion = "v1",
                metadata = new { },
                status = "Failure",
                message = $"{qualified} is forbidden: User \"system:serviceaccount:argus:argus-reader\" cannot list resource \"{resource.Plural}\" in API group \"{t.Group}\" at the cluster scope",
                reason = "Forbidden",
                details = new { group = t.Group, kind = resource.Plural },
                code = 403,
            }));
        }

        if (continueToken is not null && ExpireContinueTokens > 0)
        {
            ExpireContinueTokens--;
            return (HttpStatusCode.Gone, Json(new
            {
                kind = "Status",
                apiVersion = "v1",
                metadata = new { },
                status = "Failure",
                message = "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
                reason = "Expired",
                code = 410,
            }));
        }

        return (HttpStatusCode.OK, List(resource.Kind, t.Group.Length == 0 ? t.Version : $"{t.Group}/{t.Version}", limit, continueToken));
    }

    private string List(string kind, string apiVersion, string? limit, string? continueToken)
    {
        var all = byKind.TryGetValue(kind, out var list) ? list : [];
        var start = continueToken is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(continueToken)), System.Globalization.CultureInfo.InvariantCulture);
        var size = limit is null ? all.Count : int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(size).ToList();
        var next = start + page.Count < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes((start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", kind + "List");
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", "4242");
            if (next is not null)
            {
                writer.WriteString("continue", next);
                writer.WriteNumber("remainingItemCount", all.Count - start - page.Count);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var o in page)
            {
                // The API server leaves kind and apiVersion out of list items.
                writer.WriteStartObject();
                foreach (var property in o.Json.EnumerateObject().Where(p => p.Name is not ("kind" or "apiVersion")))
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static (HttpStatusCode, string) NotFound(string path) =>
        (HttpStatusCode.NotFound, Json(new { kind = "Status", apiVersion = "v1", metadata = new { }, status = "Failure", message = $"the server could not find the requested resource ({path})", reason = "NotFound", code = 404 }));

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
