using System.Text.Json;

namespace Argus.Kubernetes.Collection;

/// <summary>One page of a list answer: the list object as the API server sent it, and its continue token.</summary>
internal sealed record ListPage(JsonElement List, string? Continue);
