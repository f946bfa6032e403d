using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Kubernetes.Checks.Network;

/// <summary>Kubernetes label selector matching: matchLabels and matchExpressions; an empty selector matches everything.</summary>
public static class LabelSelector
{
    public static bool Matches(JsonElement selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if (selector.GetObject("matchLabels") is { } matchLabels)
        {
            foreach (var pair in matchLabels.EnumerateObject())
            {
                if (!labels.TryGetValue(pair.Name, out var value) || pair.Value.ValueKind != JsonValueKind.String || value != pair.Value.GetString())
                {
                    return false;
                }
            }
        }

        foreach (var expression in selector.GetArray("matchExpressions"))
        {
            var key = expression.GetString("key") ?? "";
            var values = expression.GetArray("values").Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal);
            var has = labels.TryGetValue(key, out var value);
            var ok = expression.GetString("operator") switch
            {
                "In" => has && values.Contains(value!),
                "NotIn" => !has || !values.Contains(value!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
