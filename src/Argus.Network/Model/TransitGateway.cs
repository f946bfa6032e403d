namespace Argus.Network.Model;

/// <summary>A transit gateway; <see cref="SecurityGroupReferencing"/> lets security groups refer to groups across it.</summary>
public sealed record TransitGateway(string Id, string? Name, string Owner, string Region, bool SecurityGroupReferencing);
