namespace Argus.Synthetic.Topology;

/// <summary>How a VPC reaches the internet from its private subnets.</summary>
internal enum NatLayout
{
    /// <summary>No NAT gateway: isolated, or egress through the transit gateway to the hub.</summary>
    None,

    /// <summary>One NAT gateway for every zone (the cheap, non-production way).</summary>
    Single,

    /// <summary>A NAT gateway in each zone.</summary>
    PerZone,
}
