using Argus.Network.FlowLogs.Rules;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>Rule arrays equal when they hold the same rule objects in the same order (rules are compared by identity).</summary>
internal sealed class RuleSequenceComparer : IEqualityComparer<FirewallRule[]>
{
    public static readonly RuleSequenceComparer Instance = new();

    public bool Equals(FirewallRule[]? x, FirewallRule[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!ReferenceEquals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(FirewallRule[] rules)
    {
        var hash = new HashCode();
        hash.Add(rules.Length);
        foreach (var r in rules)
        {
            hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(r));
        }

        return hash.ToHashCode();
    }
}
