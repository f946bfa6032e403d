using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>A transit gateway route: static or propagated, to an attachment or a blackhole.</summary>
public sealed record TransitGatewayRoute(IpPrefix Destination, string? AttachmentId, bool Blackhole, string Type)
{
    public override string ToString() => $"{Destination} -> {(Blackhole ? "blackhole" : AttachmentId)} ({Type})";
}
