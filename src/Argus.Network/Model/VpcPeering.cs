namespace Argus.Network.Model;

/// <summary>A VPC peering connection. Not transitive: traffic must start in one side and end in the other.</summary>
public sealed record VpcPeering(string Id, string? Name, PeeringSide Requester, PeeringSide Accepter, string Status)
{
    public bool Active => Status == "active";

    /// <summary>The other side, seen from <paramref name="vpcId"/>, or null when the VPC is not part of the peering.</summary>
    public PeeringSide? PeerOf(string vpcId) =>
        Requester.VpcId == vpcId ? Accepter : Accepter.VpcId == vpcId ? Requester : null;
}
