namespace Argus.Network.Reachability;

/// <summary>What a query's <c>--from</c> or <c>--to</c> names.</summary>
public enum EndpointKind
{
    Instance,
    Interface,
    Address,
    Cidr,
    Internet,
}
