namespace Argus.Network.Model;

/// <summary>A VPC endpoint: gateway endpoints are route targets; interface endpoints are network interfaces.</summary>
public sealed record VpcEndpoint(string Id, string VpcId, string ServiceName, string Type, IReadOnlyList<string> RouteTableIds, IReadOnlyList<string> InterfaceIds);
