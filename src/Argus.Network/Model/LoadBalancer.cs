namespace Argus.Network.Model;

/// <summary>
/// An Elastic Load Balancing v2 load balancer (<c>application</c>, <c>network</c>, <c>gateway</c>); internet-facing
/// or internal; its listeners; its security groups (none on an NLB created without them).
/// </summary>
public sealed record LoadBalancer(
    string Arn, string Name, string Type, bool InternetFacing, string? VpcId, ResourceScope Scope,
    IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroups, IReadOnlyList<Listener> Listeners, bool ListenersCollected);
