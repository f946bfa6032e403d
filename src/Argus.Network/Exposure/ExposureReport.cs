namespace Argus.Network.Exposure;

/// <summary>Internet exposure of every interface with a public address and every internet-facing load balancer.</summary>
public sealed record ExposureReport(IReadOnlyList<InterfaceExposure> Interfaces, IReadOnlyList<LoadBalancerExposure> LoadBalancers, int InterfacesExamined);
