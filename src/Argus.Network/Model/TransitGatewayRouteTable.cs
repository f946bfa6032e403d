using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>A transit gateway route table with its routes, most specific first (static before propagated on ties).</summary>
public sealed class TransitGatewayRouteTable(string id, string? name, string transitGatewayId, IEnumerable<TransitGatewayRoute> routes, bool routesCollected)
{
    private readonly TransitGatewayRoute[] routes = [.. routes.OrderByDescending(r => r.Destination.Length).ThenBy(r => r.Type == "static" ? 0 : 1)];

    public string Id { get; } = id;

    public string? Name { get; } = name;

    public string TransitGatewayId { get; } = transitGatewayId;

    public IReadOnlyList<TransitGatewayRoute> Routes => routes;

    /// <summary>False when the snapshot lists the table but not its routes (no ec2:SearchTransitGatewayRoutes answer).</summary>
    public bool RoutesCollected { get; } = routesCollected;

    public TransitGatewayRoute? Lookup(IpPrefix destination)
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
