using Argus.Network.Addressing;
using Argus.Network.Model.Firewall;
using Argus.Network.Traffic;

namespace Argus.Network.Evaluation;

/// <summary>
/// The address and port syntax of stateful 5-tuple rules: <c>ANY</c>, a CIDR or address, <c>$VARIABLE</c> (the rule
/// group's IP and port sets, then the policy's, <c>HOME_NET</c> defaulting to the firewall's VPC), and bracketed
/// lists of those. Negations (<c>!</c>) are not evaluated: the caller treats such a rule as undecided.
/// </summary>
internal static class StatefulSyntax
{
    /// <summary>Null prefixes: any address. Not <c>Ok</c>: the text uses syntax that is not evaluated.</summary>
    public static (bool Ok, IReadOnlyList<IpPrefix>? Prefixes) Addresses(string text, FirewallRuleGroup group, FirewallPolicy policy, IReadOnlyList<string> home)
    {
        var prefixes = new List<IpPrefix>();
        foreach (var item in Items(text))
        {
            if (item.Equals("ANY", StringComparison.OrdinalIgnoreCase))
            {
                return (true, null);
            }

            IReadOnlyList<string>? definition = item.StartsWith('$') ? Variable(item[1..], group, policy, home) : [item];
            if (definition is null)
            {
                return (false, null);
            }

            foreach (var value in definition)
            {
                if (!IpPrefix.TryParse(value, out var prefix))
                {
                    return (false, null);
                }

                prefixes.Add(prefix);
            }
        }

        return (prefixes.Count > 0, prefixes);
    }

    /// <summary>The ports the text names, or null when it uses syntax that is not evaluated.</summary>
    public static PortSet? Ports(string text, FirewallRuleGroup group)
    {
        var ranges = new List<(int, int)>();
        foreach (var item in Items(text))
        {
            if (item.Equals("ANY", StringComparison.OrdinalIgnoreCase))
            {
                return PortSet.AllPorts;
            }

            var values = item.StartsWith('$') ? group.PortSets.GetValueOrDefault(item[1..]) : [item];
            if (values is null)
            {
                return null;
            }

            foreach (var value in values.SelectMany(Items))
            {
                var parts = value.Split(':');
                if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], out var from)
                    || !int.TryParse(parts.Length == 2 ? (parts[1].Length == 0 ? "65535" : parts[1]) : parts[0], out var to)
                    || from < 0 || to > PortSet.MaxPort || from > to)
                {
                    return null;
                }

                ranges.Add((from, to));
            }
        }

        return ranges.Count == 0 ? null : PortSet.Of(ranges);
    }

    private static IReadOnlyList<string>? Variable(string name, FirewallRuleGroup group, FirewallPolicy policy, IReadOnlyList<string> home) =>
        group.IpSets.GetValueOrDefault(name) ?? policy.IpSets.GetValueOrDefault(name) ?? (name == "HOME_NET" ? home : null);

    /// <summary>A bracketed, comma-separated list or one value; a negation yields a "!" item the callers reject.</summary>
    private static IEnumerable<string> Items(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
        {
            trimmed = trimmed[1..^1];
        }

        return trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
