using Argus.Network.Addressing;

namespace Argus.Network.Evaluation;

/// <summary>
/// Cuts a range of addresses into the pieces on which a set of rule prefixes agree: inside each piece, every
/// rule either covers all of it or none of it. A verdict "for every address of the range" is then the
/// intersection of the per-piece verdicts, which is exact whatever the rules' shapes.
/// </summary>
internal static class AddressSegments
{
    public static List<(UInt128 First, UInt128 Last)> Cut(IpPrefix range, IEnumerable<IpPrefix> rules)
    {
        var cuts = new SortedSet<UInt128> { range.First };
        foreach (var rule in rules)
        {
            if (!rule.Overlaps(range) || rule.Contains(range))
            {
                continue;
            }

            // The rule lies inside the range (prefixes either nest or are disjoint).
            cuts.Add(rule.First);
            if (rule.Last < range.Last)
            {
                cuts.Add(rule.Last + 1);
            }
        }

        var starts = cuts.ToList();
        var segments = new List<(UInt128, UInt128)>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            segments.Add((starts[i], i + 1 < starts.Count ? starts[i + 1] - 1 : range.Last));
        }

        return segments;
    }

    public static bool Covers(IpPrefix rule, bool ipv6, (UInt128 First, UInt128 Last) segment) =>
        rule.IsIpv6 == ipv6 && rule.First <= segment.First && segment.Last <= rule.Last;
}
