namespace Argus.Synthetic.Topology;

/// <summary>A VPC peering connection, seen by both VPCs' accounts.</summary>
internal sealed record PeeringPlan(string Id, string Name, VpcSkeleton Requester, VpcSkeleton Accepter, DateTimeOffset Created)
{
    public VpcSkeleton PeerOf(VpcSkeleton vpc) => vpc.Id == Requester.Id ? Accepter : Requester;

    public bool Involves(VpcSkeleton vpc) => vpc.Id == Requester.Id || vpc.Id == Accepter.Id;
}
