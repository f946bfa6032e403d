namespace Argus.Synthetic.Topology;

/// <summary>A subnet's tier, from the internet inwards.</summary>
internal enum SubnetTier
{
    Public = 0,
    Private = 1,
    Data = 2,
}
