using Argus.Network.Addressing;

namespace Argus.Network.Model;

/// <summary>
/// One VPC route. A prefix-list route is expanded into one route per entry (<see cref="PrefixListId"/> says where it
/// came from); <see cref="Blackhole"/> routes drop traffic (their target was deleted).
/// </summary>
public sealed record Route(IpPrefix Destination, string? PrefixListId, RouteTargetKind Kind, string Target, bool Blackhole, string? Origin)
{
    public override string ToString() =>
        $"{(PrefixListId is null ? Destination.ToString() : $"{PrefixListId} ({Destination})")} -> {Target}{(Blackhole ? " (blackhole)" : "")}";
}
