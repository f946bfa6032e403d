using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>
/// A VPC route table. Routes are held most specific first, so the first route containing a destination is the
/// longest-prefix match. <see cref="UnknownPrefixLists"/> are prefix lists routed here whose entries the snapshot
/// does not hold: the answer says so when such a route could have matched.
/// </summary>
public sealed class RouteTable(string id, string? name, string vpcId, bool main, IReadOnlyList<Route> routes, IReadOnlyList<string> unknownPrefixLists)
{
    // Ties on prefix length follow AWS's route priority: the local route, then a CIDR route over a prefix-list
    // route, then a static route over one propagated from a virtual private gateway.
    private readonly Route[] routes = [.. routes
        .OrderByDescending(r => r.Destination.Length)
        .ThenBy(r => r.Kind == RouteTargetKind.Local ? 0 : 1)
        .ThenBy(r => r.PrefixListId is null ? 0 : 1)
        .ThenBy(r => r.Origin == "EnableVgwRoutePropagation" ? 1 : 0)];

    public string Id { get; } = id;

    public string? Name { get; } = name;

    public string VpcId { get; } = vpcId;

    public bool Main { get; } = main;

    public IReadOnlyList<Route> Routes => routes;

    public IReadOnlyList<string> UnknownPrefixLists { get; } = unknownPrefixLists;

    /// <summary>The longest-prefix match for a destination (an address, or a whole range that one route must cover).</summary>
    public Route? Lookup(IpPrefix destination)
    {
        foreach (var route in routes)
        {
            if (route.Destination.Contains(destination))
            {
                return route;
            }
        }

        return null;
    }
}
