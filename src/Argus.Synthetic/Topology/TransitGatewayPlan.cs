using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Topology;

/// <summary>The network hub's transit gateway in one region, shared with the whole organization through RAM.</summary>
internal sealed record TransitGatewayPlan(AccountPlan Owner, int RegionIndex, string Region, IdFactory Ids, long Asn)
{
    public string Id => Ids.Ec2("tgw", 0);

    public string Arn => $"arn:aws:ec2:{Region}:{Owner.Id}:transit-gateway/{Id}";

    /// <summary>Segments: shared services and the hub, production, and everything else.</summary>
    public static IReadOnlyList<string> Segments { get; } = ["shared", "prod", "nonprod"];

    public string RouteTableId(string segment) => Ids.Ec2("tgw-rtb", "tgw-rtb:" + segment, 0);

    public string SegmentOf(AccountPlan account) => account.Role switch
    {
        AccountRole.Workload when account.IsProduction => "prod",
        AccountRole.Workload or AccountRole.Sandbox => "nonprod",
        _ => "shared",
    };

    /// <summary>The attachment of this gateway to the one in <paramref name="peerRegion"/> (requested from region 0).</summary>
    public string PeeringAttachmentId(int peerRegion) => Ids.Ec2("tgw-attach", "tgw-peering", peerRegion);
}
