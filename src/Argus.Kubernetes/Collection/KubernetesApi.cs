using System.Net;
using System.Text.Json;
using Argus.Kubernetes.Permissions;
using k8s;
using k8s.Autorest;

namespace Argus.Kubernetes.Collection;

/// <summary>
/// The only way Argus talks to an API server: discovery and list calls through the official client (its
/// kubeconfig, in-cluster and exec-plugin authentication, TLS and JSON), each request first checked against
/// <see cref="KubernetesPermissionCatalog"/>.
/// </summary>
internal sealed class KubernetesApi(IKubernetes client, KubernetesPermissionCatalog catalog)
{
    /// <summary>
    /// The group versions the server serves (<c>v1</c>, <c>apps/v1</c>, ...), from <c>/api</c> and <c>/apis</c>;
    /// null when discovery is forbidden (collection then tries every resource and records what fails).
    /// </summary>
    public async Task<IReadOnlySet<string>?> ServedGroupVersionsAsync(CancellationToken cancellation)
    {
        try
        {
            var core = await client.Core.GetAPIVersionsAsync(cancellation).ConfigureAwait(false);
            var groups = await client.Apis.GetAPIVersionsAsync(cancellation).ConfigureAwait(false);
            var served = new HashSet<string>(StringComparer.Ordinal);
            foreach (var version in core.Versions ?? [])
            {
                served.Add(version);
            }

            foreach (var group in groups.Groups ?? [])
            {
                foreach (var version in group.Versions ?? [])
                {
                    served.Add(version.GroupVersion);
                }
            }

            return served;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            return null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new KubernetesConnectionException($"the API server refused Argus's credentials (401 Unauthorized): {Reason(e)}", e);
        }
        catch (HttpRequestException e)
        {
            throw new KubernetesConnectionException($"cannot reach the API server: {e.Message}", e);
        }
    }

    /// <summary>One page of <c>GET /api[s]/{group}/{version}/{plural}?limit=&amp;continue=</c>, across all namespaces.</summary>
    /// <exception cref="HttpOperationException">The server answered with an error status.</exception>
    public async Task<ListPage> ListAsync(KubernetesResource resource, string? continueToken, int limit, CancellationToken cancellation)
    {
        catalog.Demand("list", resource.Group, resource.Plural);
        using var response = await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync(
            resource.Group, resource.Version, resource.Plural, continueParameter: continueToken, limit: limit, cancellationToken: cancellation).ConfigureAwait(false);
        var list = response.Body is JsonElement element
            ? element
            : throw new JsonException($"list {resource.QualifiedName}: the answer is not a JSON object");
        var next = list.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("continue", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } t
            ? t
            : null;
        return new ListPage(list, next);
    }

    /// <summary>The API server's own message from a <c>Status</c> answer, or the HTTP reason.</summary>
    public static string Reason(HttpOperationException e)
    {
        try
        {
            using var status = JsonDocument.Parse(e.Response.Content ?? "");
            if (status.RootElement.ValueKind == JsonValueKind.Object && status.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
            // not a Status object: fall back to the status line
        }

        return $"{(int)e.Response.StatusCode} {e.Response.ReasonPhrase}";
    }
}
