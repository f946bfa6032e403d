using Argus.Synthetic.Catalog;
using Argus.Synthetic.Determinism;
using Argus.Synthetic.Organization;

namespace Argus.Synthetic.Topology;

/// <summary>One account in one region: its VPCs and how many instance interfaces it holds.</summary>
/// <param name="Instances">The number of instances to launch here (each with one interface).</param>
internal sealed record RegionSkeleton(
    AccountPlan Account,
    int RegionIndex,
    AwsRegion Region,
    IdFactory Ids,
    IReadOnlyList<VpcSkeleton> Vpcs,
    int Instances)
{
    public int InfrastructureInterfaces => Vpcs.Sum(v => v.InfrastructureInterfaces);

    public int NetworkInterfaces => InfrastructureInterfaces + Instances;
}
