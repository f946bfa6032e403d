namespace Argus.Synthetic.Topology;

/// <summary>The part a VPC plays, which decides its subnets, gateways, security groups and fleets.</summary>
internal enum VpcKind
{
    /// <summary>The default VPC AWS creates in every region (172.31.0.0/16), kept by some accounts.</summary>
    Default,

    /// <summary>An application VPC: public, private and data tiers, load balancers, fleets.</summary>
    Workload,

    /// <summary>A sandbox VPC, isolated from the transit gateway.</summary>
    Sandbox,

    /// <summary>The network hub's egress VPC: NAT gateways and the internet gateway the spokes share.</summary>
    Egress,

    /// <summary>The security account's tooling VPC: scanners and log collectors.</summary>
    Security,

    /// <summary>Directory, DNS and CI, reachable from every spoke.</summary>
    SharedServices,
}
