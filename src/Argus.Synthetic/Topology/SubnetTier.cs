namespace Argus.Synthetic.Topology;

/// <summary>A subnet's tier, from the internet inwards.</summary>
internal enum SubnetTier
{
    Public = 0,
    Private = 1,
    Data = 2,

    /// <summary>The hub egress VPC's inspection subnets, which hold the AWS Network Firewall's endpoints.</summary>
    Firewall = 3,
}
