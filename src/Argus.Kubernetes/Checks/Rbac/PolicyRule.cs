using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Kubernetes.Checks.Rbac;

/// <summary>One RBAC rule, read from a Role or ClusterRole.</summary>
public sealed record PolicyRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs, IReadOnlyList<string> ResourceNames)
{
    public static PolicyRule From(JsonElement rule) => new(Strings(rule, "apiGroups"), Strings(rule, "resources"), Strings(rule, "verbs"), Strings(rule, "resourceNames"));

    /// <summary>True when the rule allows <paramref name="verb"/> on <paramref name="resource"/> in <paramref name="group"/> (wildcards included).</summary>
    public bool Allows(string group, string resource, string verb) =>
        (ApiGroups.Contains(group) || ApiGroups.Contains("*"))
        && (Resources.Contains(resource) || Resources.Contains("*") || (resource.Contains('/', StringComparison.Ordinal) && Resources.Contains(resource[..resource.IndexOf('/', StringComparison.Ordinal)] + "/*")))
        && (Verbs.Contains(verb) || Verbs.Contains("*"));

    /// <summary>The verbs of <paramref name="candidates"/> the rule allows on the resource.</summary>
    public IReadOnlyList<string> AllowedVerbs(string group, string resource, params string[] candidates) =>
        candidates.Where(v => Allows(group, resource, v)).ToList();

    /// <summary>The rule as kubectl describes it: <c>get,list secrets [core]</c>.</summary>
    public override string ToString() =>
        $"{string.Join(",", Verbs)} {string.Join(",", Resources)} [{string.Join(",", ApiGroups.Select(g => g.Length == 0 ? "core" : g))}]"
        + (ResourceNames.Count > 0 ? $" named {string.Join(",", ResourceNames)}" : "");

    private static IReadOnlyList<string> Strings(JsonElement rule, string property) =>
        rule.GetArray(property).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
}
