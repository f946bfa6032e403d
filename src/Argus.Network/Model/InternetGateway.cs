namespace Argus.Network.Model;

/// <summary>An internet gateway (or, with <see cref="EgressOnly"/>, an egress-only one for IPv6) and the VPCs it is attached to.</summary>
public sealed record InternetGateway(string Id, bool EgressOnly, IReadOnlyList<string> VpcIds);
